package io.augment.domain.model;

/**
 * A tenant's quota (requests per second, concurrent jobs, stored documents) does not allow the
 * request; nothing was changed. {@link #retryAfterSeconds()} says when trying again may succeed.
 * REST and {@code /v1} map it to 429 with {@code Retry-After}, gRPC to RESOURCE_EXHAUSTED.
 */
public class QuotaExceededException extends CapacityExceededException {
  private final long retryAfterSeconds;

  public QuotaExceededException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Whole seconds, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
