package io.augment.application.query;

import io.augment.domain.retrieval.ScoredChunk;
import java.util.List;

/** Ranked chunks for a query, with the time spent embedding and searching. */
public record SearchResult(List<ScoredChunk> chunks, double embedMs, double searchMs) {}
