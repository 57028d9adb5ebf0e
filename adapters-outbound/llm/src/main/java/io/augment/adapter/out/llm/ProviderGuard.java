package io.augment.adapter.out.llm;

import static java.time.temporal.ChronoUnit.MILLIS;

import io.augment.domain.model.BackendUnavailableException;
import io.smallrye.faulttolerance.api.Guard;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Timeout, retry with exponential backoff and jitter, and a circuit breaker around calls to one model
 * server (SmallRye Fault Tolerance's programmatic API, so no CDI is needed). Failures leave as
 * {@link BackendUnavailableException} naming the backend, the URL and the cause.
 *
 * <p>Order, outermost first: retry, circuit breaker, timeout; every attempt counts in the circuit
 * breaker, and an open circuit is not retried. Failures that are not retriable (4xx other than 408
 * and 429) do not count against the server either.
 */
final class ProviderGuard {
  private final String backend;
  private final String url;
  private final Resilience settings;
  private final Guard guard;

  ProviderGuard(String backend, String url, Resilience settings) {
    this.backend = backend;
    this.url = url;
    this.settings = settings;
    long backoff = settings.initialBackoff().toMillis();
    DaemonFaultTolerance.ensure();
    this.guard = Guard.create()
        .withDescription(backend + " at " + url)
        .withRetry()
            .maxRetries(settings.maxRetries())
            .delay(backoff, MILLIS)
            .jitter(Math.max(1, backoff / 4), MILLIS)
            .maxDuration(settings.worstCase().toMillis() + backoff, MILLIS)
            .whenException(Failures::retriable)
            .withExponentialBackoff().factor(2).maxDelay(settings.maxBackoff().toMillis(), MILLIS).done()
            .done()
        .withCircuitBreaker()
            .requestVolumeThreshold(settings.circuitWindow())
            .failureRatio(settings.circuitFailureRatio())
            .delay(settings.circuitOpenFor().toMillis(), MILLIS)
            .successThreshold(1)
            .when(Failures::retriable)
            .done()
        .withTimeout().duration(settings.timeout().toMillis(), MILLIS).done()
        .build();
  }

  String backend() {
    return backend;
  }

  <T> T call(String operation, Callable<T> action, Class<T> type) {
    try {
      return guard.call(action, type);
    } catch (CircuitBreakerOpenException e) {
      throw new BackendUnavailableException(backend, "circuit breaker open after repeated failures of " + url
          + "; failing fast without calling it for up to " + Failures.readable(settings.circuitOpenFor()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(operation, e, "interrupted");
    } catch (Exception e) {
      boolean retried = Failures.retriable(e) && settings.maxRetries() > 0;
      throw failed(operation, e, retried ? "after " + settings.maxRetries() + " retries" : "not retried");
    }
  }

  /** A failure outside the guard, e.g. a stream that broke after its first piece was delivered. */
  BackendUnavailableException failed(String operation, Throwable cause, String note) {
    return new BackendUnavailableException(backend, operation + " at " + url + " failed (" + note + "): "
        + Failures.describe(cause, settings.timeout()), cause);
  }
}
