package io.augment.domain.job;

import java.time.Duration;

/**
 * Progress of a long operation.
 *
 * @param done          units finished (chunks, steps, ...)
 * @param total         units in all; 0 while unknown
 * @param unit          what a unit is, e.g. {@code chunks}
 * @param ratePerSecond units per second since the start
 * @param eta           estimated time left; null while unknown
 */
public record Progress(long done, long total, String unit, double ratePerSecond, Duration eta) {

  public double percent() {
    return total == 0 ? 0 : Math.min(100.0, 100.0 * done / total);
  }

  /** Progress after {@code done} of {@code total} units in {@code elapsed}. */
  public static Progress of(long done, long total, String unit, Duration elapsed) {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    double rate = done / seconds;
    Duration eta = rate > 0 && total >= done ? Duration.ofMillis((long) ((total - done) / rate * 1000)) : null;
    return new Progress(done, total, unit, rate, eta);
  }
}
