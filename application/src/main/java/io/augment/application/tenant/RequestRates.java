package io.augment.application.tenant;

import io.augment.domain.model.QuotaExceededException;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.TenantId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per tenant for {@link Quotas#requestsPerSecond()}: burst is one second's worth (at
 * least 1 request). One bucket per tenant; removed with {@link #forget}.
 */
public final class RequestRates {
  private final Map<TenantId, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public RequestRates(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** @throws QuotaExceededException with the seconds until a token is free when the bucket is empty */
  public void acquire(TenantId tenant, Quotas quotas) {
    Double rate = quotas.requestsPerSecond();
    if (rate == null) {
      return;
    }
    Bucket bucket = buckets.computeIfAbsent(tenant, t -> new Bucket());
    double wait = bucket.take(rate, nanoTime.getAsLong());
    if (wait > 0) {
      throw new QuotaExceededException("tenant '" + tenant + "' is limited to " + rate + " requests per second",
          (long) Math.ceil(wait));
    }
  }

  public void forget(TenantId tenant) {
    buckets.remove(tenant);
  }

  private static final class Bucket {
    private double tokens = Double.NaN;
    private long last;

    /** Takes a token and answers 0, or answers the seconds until one is there. */
    synchronized double take(double rate, long now) {
      double capacity = Math.max(1, rate);
      if (Double.isNaN(tokens)) {
        tokens = capacity;
      } else {
        tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
      }
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (1 - tokens) / rate;
    }
  }
}
