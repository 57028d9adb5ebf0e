package io.augment.domain.augmentation;

import io.augment.domain.retrieval.ScoredChunk;
import java.util.List;

/**
 * Builds the prompt for a question from retrieved chunks.
 *
 * <p>Contract: chunks are taken in the given order and numbered from 1; a chunk that would push the
 * prompt over {@code tokenBudget} is left out whole (never cut mid-way) and counted in
 * {@link Prompt#dropped()}; the question itself is always kept. Implementation:
 * {@code NumberedCitationAugmenter}.
 */
public interface PromptAugmenter {
  Prompt augment(String question, List<ScoredChunk> chunks, int tokenBudget);
}
