package io.augment.domain.retrieval;

import io.augment.domain.model.InvalidInputException;
import java.util.Locale;

/** Which index answers a query: vectors, BM25 over the text, or both fused by reciprocal rank. */
public enum RetrievalMode {
  DENSE, BM25, HYBRID;

  /** Reads {@code dense}, {@code bm25} or {@code hybrid} in any case; null or blank gives null. */
  public static RetrievalMode parse(String mode) {
    return parse("mode", mode);
  }

  /** As {@link #parse(String)}, an error naming {@code field} (e.g. a knowledge base's {@code retrievalMode}). */
  public static RetrievalMode parse(String field, String mode) {
    if (mode == null || mode.isBlank()) {
      return null;
    }
    try {
      return valueOf(mode.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "must be dense, bm25 or hybrid");
    }
  }
}
