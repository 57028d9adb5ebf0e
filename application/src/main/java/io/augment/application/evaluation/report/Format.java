package io.augment.application.evaluation.report;

import java.time.Duration;
import java.util.Locale;

/**
 * The one rounding of every number a report shows, so the Markdown and the HTML page print the
 * same text for the same value. Locale-independent (a dot for decimals, commas for thousands).
 */
final class Format {
  static final String NOT_RECORDED = "not recorded";
  static final String NOT_APPLICABLE = "n/a";
  private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private Format() {}

  /** A share in [0, 1] (EM, F1, recall, MRR): three decimals. */
  static String share(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** A difference of two shares, signed: {@code +0.050}, {@code -0.120}. */
  static String delta(double value) {
    return String.format(Locale.ROOT, "%+.3f", value);
  }

  /** Milliseconds or seconds: one decimal. */
  static String decimal(double value) {
    return String.format(Locale.ROOT, "%,.1f", value);
  }

  /** A count: thousands separated by commas. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A rate such as tokens per second: whole units with separators. */
  static String rate(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  /** A part of a whole as a percentage, two decimals; a non-zero part too small to show says so. */
  static String percent(double part, double whole) {
    double p = 100.0 * part / whole;
    if (p > 0 && p < 0.005) {
      return "<0.01 %";
    }
    return String.format(Locale.ROOT, "%.2f %%", p);
  }

  /** Bytes in binary units: {@code 512 B}, {@code 1.5 MiB}. */
  static String bytes(long value) {
    if (value < 1024) {
      return value + " B";
    }
    double v = value;
    int unit = 0;
    while (v >= 1024 && unit < BYTE_UNITS.length - 1) {
      v /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, BYTE_UNITS[unit]);
  }

  /** A wall time: {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 03 min 04 s}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = ms / 1000;
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, s / 60 % 60, s % 60);
  }

  /** An axis tick: {@code 0}, {@code 10}, {@code 1k}, {@code 10M}, {@code 1G}; {@code 0.1} below one. */
  static String compact(double value) {
    String[] suffix = {"", "k", "M", "G", "T", "P", "E"};
    if (value == 0) {
      return "0";
    }
    if (Math.abs(value) < 1) {
      return String.format(Locale.ROOT, "%.3g", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    int i = 0;
    double v = value;
    while (Math.abs(v) >= 1000 && i < suffix.length - 1) {
      v /= 1000;
      i++;
    }
    String n = String.format(Locale.ROOT, "%.1f", v).replaceAll("\\.0$", "");
    return n + suffix[i];
  }
}
