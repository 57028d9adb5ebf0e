package io.augment.domain.ingest;

/**
 * Text extracted from a file.
 *
 * @param title the title found in the file (HTML title, first Markdown heading, PDF info), or null
 * @param text  plain text with paragraphs separated by blank lines
 */
public record ParsedDocument(String title, String text) {}
