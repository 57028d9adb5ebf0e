package io.augment.application.query;

import io.augment.domain.retrieval.RetrievalMode;
import io.augment.domain.retrieval.ScoredChunk;
import java.util.List;

/**
 * Ranked chunks for a query and how they were found.
 *
 * @param chunks     best first; scores are cosine-based for dense, BM25 for bm25, fused reciprocal-rank
 *                   scores when several lists were fused, reranker scores after reranking
 * @param mode       the retrieval mode used
 * @param queries    every query text searched (the question, rewrites, a hypothetical answer)
 * @param notes      what was skipped and why (e.g. HyDE without a generative model)
 * @param embedMs    time embedding query texts
 * @param searchMs   time in the indexes
 * @param expandMs   time writing rewrites and hypothetical answers
 * @param rerankMs   time reranking
 */
public record SearchResult(
    List<ScoredChunk> chunks, RetrievalMode mode, List<String> queries, List<String> notes,
    double embedMs, double searchMs, double expandMs, double rerankMs) {}
