package io.augment.domain.tenant;

import io.augment.domain.model.InvalidInputException;

/**
 * A tenant's limits; a null field is unlimited. Stored documents count every document in every
 * knowledge base; concurrent jobs count ingest, summary and evaluation jobs and fine-tunes still
 * queued or running; requests per second is a token bucket whose burst is one second's worth (at
 * least 1).
 */
public record Quotas(Long maxDocuments, Integer maxConcurrentJobs, Double requestsPerSecond) {
  public static final Quotas UNLIMITED = new Quotas(null, null, null);
  public static final long MAX_DOCUMENTS = 1_000_000_000L;
  public static final int MAX_JOBS = 10_000;
  public static final double MAX_RATE = 1_000_000;

  public Quotas {
    if (maxDocuments != null && (maxDocuments < 0 || maxDocuments > MAX_DOCUMENTS)) {
      throw new InvalidInputException("quotas.maxDocuments", "must be 0 to " + MAX_DOCUMENTS + " (or absent: unlimited)");
    }
    if (maxConcurrentJobs != null && (maxConcurrentJobs < 0 || maxConcurrentJobs > MAX_JOBS)) {
      throw new InvalidInputException("quotas.maxConcurrentJobs", "must be 0 to " + MAX_JOBS + " (or absent: unlimited)");
    }
    if (requestsPerSecond != null
        && (requestsPerSecond.isNaN() || requestsPerSecond <= 0 || requestsPerSecond > MAX_RATE)) {
      throw new InvalidInputException("quotas.requestsPerSecond",
          "must be above 0 and at most " + (long) MAX_RATE + " (or absent: unlimited)");
    }
  }
}
