package io.augment.application.query;

/**
 * A source given to the generator.
 *
 * @param number     the {@code [n]} marker it is cited by
 * @param documentId its document
 * @param chunkId    its chunk
 * @param title      the document's title
 * @param score      retrieval score, higher is better
 * @param text       the chunk's text
 * @param cited      whether the answer text cites it
 */
public record Citation(int number, String documentId, String chunkId, String title, double score, String text, boolean cited) {}
