package io.augment.domain.retrieval;

import io.augment.domain.model.Chunk;

/**
 * A chunk found by a search, with its relevance. Higher scores are better; for vector search the
 * score is the cosine similarity mapped to [0, 1] as {@code (1 + cos) / 2}.
 */
public record ScoredChunk(Chunk chunk, double score) {}
