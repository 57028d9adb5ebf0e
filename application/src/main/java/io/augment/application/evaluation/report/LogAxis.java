package io.augment.application.evaluation.report;

import java.util.ArrayList;
import java.util.List;

/** A base-10 axis from the decade at or below the least value to the decade at or above the most. */
record LogAxis(int low, int high, double left, double right, boolean empty) {

  static LogAxis of(double[] positives, double left, double right) {
    if (positives.length == 0) {
      return new LogAxis(0, 1, left, right, true);
    }
    double min = Double.MAX_VALUE, max = 0;
    for (double v : positives) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    int low = (int) Math.floor(Math.log10(min));
    int high = (int) Math.ceil(Math.log10(max));
    if (high <= low) {
      high = low + 1;
    }
    return new LogAxis(low, high, left, right, false);
  }

  double x(double value) {
    return left + (Math.log10(value) - low) / (high - low) * (right - left);
  }

  /** Decades to mark, at most about eight. */
  List<Double> ticks() {
    int step = Math.max(1, (int) Math.ceil((high - low) / 8.0));
    List<Double> ticks = new ArrayList<>();
    for (int e = low; e <= high; e += step) {
      ticks.add(Math.pow(10, e));
    }
    return ticks;
  }
}
