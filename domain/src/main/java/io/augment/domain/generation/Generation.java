package io.augment.domain.generation;

/**
 * A finished generation.
 *
 * @param text         the generated text; citations appear as {@code [n]}
 * @param generator    id of the generator that produced it
 * @param extractive   true when the text is copied from the sources rather than generated
 * @param usage        token counts
 * @param finishReason {@code stop}, {@code length} or {@code error}
 */
public record Generation(String text, String generator, boolean extractive, TokenUsage usage, String finishReason) {}
