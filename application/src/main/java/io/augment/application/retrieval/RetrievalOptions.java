package io.augment.application.retrieval;

import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.RetrievalMode;

/**
 * How to retrieve for one query.
 *
 * @param mode          dense, bm25 or hybrid; null means the knowledge base's default
 * @param hyde          also search with the embedding of a hypothetical answer written by the generator
 * @param queryVariants extra rewritten queries to search with (0 = none)
 * @param rerank        re-score the fused candidates with the reranker
 * @param candidates    how many results each first-stage search returns before fusion and reranking
 */
public record RetrievalOptions(RetrievalMode mode, boolean hyde, int queryVariants, boolean rerank, int candidates) {
  public static final RetrievalOptions DEFAULT = new RetrievalOptions(null, false, 0, false, 50);

  /** Options from request fields; null fields take the defaults. */
  public static RetrievalOptions of(String mode, Boolean hyde, Integer queryVariants, Boolean rerank, Integer candidates) {
    return new RetrievalOptions(RetrievalMode.parse(mode), hyde != null && hyde,
        queryVariants == null ? DEFAULT.queryVariants() : queryVariants, rerank != null && rerank,
        candidates == null ? DEFAULT.candidates() : candidates);
  }

  public RetrievalOptions {
    if (queryVariants < 0 || queryVariants > 5) {
      throw new InvalidInputException("queryVariants", "must be between 0 and 5");
    }
    if (candidates < 1 || candidates > 1000) {
      throw new InvalidInputException("candidates", "must be between 1 and 1000");
    }
  }
}
