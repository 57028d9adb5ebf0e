package io.augment.bootstrap.bench;

import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.retrieval.RetrievalMode;

/** The retrieval settings the benchmark compares. */
public enum BenchMode {
  BM25("bm25", RetrievalMode.BM25, false, 0, false),
  DENSE("dense", RetrievalMode.DENSE, false, 0, false),
  HYBRID("hybrid", RetrievalMode.HYBRID, false, 0, false),
  HYBRID_HYDE("hybrid+HyDE", RetrievalMode.HYBRID, true, 0, false),
  HYBRID_MULTI_QUERY("hybrid+multi-query", RetrievalMode.HYBRID, false, 1, false),
  HYBRID_RERANK("hybrid+rerank", RetrievalMode.HYBRID, false, 0, true);

  public final String label;
  private final RetrievalMode mode;
  private final boolean hyde;
  private final int variants;
  private final boolean rerank;

  BenchMode(String label, RetrievalMode mode, boolean hyde, int variants, boolean rerank) {
    this.label = label;
    this.mode = mode;
    this.hyde = hyde;
    this.variants = variants;
    this.rerank = rerank;
  }

  RetrievalOptions options(int candidates) {
    return new RetrievalOptions(mode, hyde, variants, rerank, candidates);
  }
}
