package io.augment.adapter.out.extractive;

import java.util.List;

/**
 * The answer as the pieces it streams in: one per sentence, each with its marker and the space
 * before it.
 *
 * @param truncated true when the word budget cut a sentence short
 */
record Answer(List<String> pieces, boolean truncated) {}
