package io.augment.adapter.out.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How calls to a model server are bounded and retried.
 *
 * @param timeout             the longest one attempt may take; for a stream, the longest wait for the
 *                            first piece and then between pieces
 * @param maxRetries          further attempts after a retriable failure (5xx, 408, 429, timeout, no
 *                            connection); other 4xx are never retried
 * @param initialBackoff      wait before the first retry; doubled for each next one; every wait is
 *                            moved at random by up to a quarter of this, either way
 * @param maxBackoff          the longest wait between two attempts
 * @param circuitWindow       how many recent attempts the circuit breaker looks at
 * @param circuitFailureRatio share of those attempts that must have failed for it to open
 * @param circuitOpenFor      how long an open circuit fails every call at once before letting one through
 */
public record Resilience(
    Duration timeout,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    int circuitWindow,
    double circuitFailureRatio,
    Duration circuitOpenFor) {

  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
  public static final int DEFAULT_CIRCUIT_WINDOW = 10;
  public static final double DEFAULT_CIRCUIT_FAILURE_RATIO = 0.5;
  public static final Duration DEFAULT_CIRCUIT_OPEN_FOR = Duration.ofSeconds(30);

  public Resilience {
    positive(timeout, "timeout");
    positive(initialBackoff, "initialBackoff");
    positive(maxBackoff, "maxBackoff");
    positive(circuitOpenFor, "circuitOpenFor");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
    if (circuitWindow < 1) {
      throw new IllegalArgumentException("circuitWindow must be at least 1, got " + circuitWindow);
    }
    if (!(circuitFailureRatio > 0 && circuitFailureRatio <= 1)) {
      throw new IllegalArgumentException("circuitFailureRatio must be in (0, 1], got " + circuitFailureRatio);
    }
  }

  /** The given timeout and retries with the default backoff and circuit breaker. */
  public static Resilience of(Duration timeout, int maxRetries) {
    return new Resilience(timeout, maxRetries, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF,
        DEFAULT_CIRCUIT_WINDOW, DEFAULT_CIRCUIT_FAILURE_RATIO, DEFAULT_CIRCUIT_OPEN_FOR);
  }

  public Resilience withBackoff(Duration initial, Duration max) {
    return new Resilience(timeout, maxRetries, initial, max, circuitWindow, circuitFailureRatio, circuitOpenFor);
  }

  public Resilience withCircuitBreaker(int window, double failureRatio, Duration openFor) {
    return new Resilience(timeout, maxRetries, initialBackoff, maxBackoff, window, failureRatio, openFor);
  }

  /** An upper bound on one call with all its retries: every attempt times out, every wait is longest. */
  public Duration worstCase() {
    return timeout.plus(maxBackoff).multipliedBy(maxRetries + 1L);
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
