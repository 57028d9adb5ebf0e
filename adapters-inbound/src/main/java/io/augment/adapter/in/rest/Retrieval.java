package io.augment.adapter.in.rest;

import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.RetrievalMode;
import java.util.Locale;

/** Reads the retrieval fields shared by search and query requests. */
public final class Retrieval {
  private Retrieval() {}

  public static RetrievalMode mode(String mode) {
    if (mode == null || mode.isBlank()) {
      return null;
    }
    try {
      return RetrievalMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("mode", "must be dense, bm25 or hybrid");
    }
  }

  public static RetrievalOptions options(String mode, Boolean hyde, Integer variants, Boolean rerank, Integer candidates) {
    RetrievalOptions d = RetrievalOptions.DEFAULT;
    return new RetrievalOptions(mode(mode), hyde != null && hyde, variants == null ? d.queryVariants() : variants,
        rerank != null && rerank, candidates == null ? d.candidates() : candidates);
  }
}
