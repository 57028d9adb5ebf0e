package io.augment.domain.ingest;

import java.util.Set;

/**
 * Extracts plain text from a file's bytes.
 *
 * <p>Contract: paragraphs in the result are separated by a blank line; a file that cannot be read
 * as its type throws {@link io.augment.domain.model.InvalidInputException} naming {@code file}.
 * Implementations: {@code PlainTextParser}, {@code MarkdownParser}, {@code HtmlParser},
 * {@code PdfParser}.
 */
public interface DocumentParser {

  /** Media types this parser reads, e.g. {@code text/html}. */
  Set<String> mediaTypes();

  ParsedDocument parse(byte[] content);
}
