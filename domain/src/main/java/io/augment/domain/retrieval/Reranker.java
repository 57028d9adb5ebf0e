package io.augment.domain.retrieval;

import java.util.List;

/**
 * Re-scores retrieval candidates against the query with a model that reads both together (or a
 * stronger one than first-stage retrieval).
 *
 * <p>Contract: returns at most {@code topK} of the given candidates (never new ones), ordered by the
 * new score, which replaces {@link ScoredChunk#score()}; an empty list gives an empty list.
 * Implementations: {@code EmbeddingReranker}. Contract suite: {@code RerankerContract} (domain test-jar).
 */
public interface Reranker {
  String id();

  List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates, int topK);
}
