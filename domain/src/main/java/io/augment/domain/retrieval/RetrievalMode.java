package io.augment.domain.retrieval;

/** Which index answers a query: vectors, BM25 over the text, or both fused by reciprocal rank. */
public enum RetrievalMode {
  DENSE, BM25, HYBRID
}
