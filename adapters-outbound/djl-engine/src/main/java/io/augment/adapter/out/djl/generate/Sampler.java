package io.augment.adapter.out.djl.generate;

import java.util.Arrays;
import java.util.Random;

/** Picks the next token from logits: greedy at temperature 0, otherwise nucleus (top-p) sampling. */
final class Sampler {
  private Sampler() {}

  /** Considers ids below {@code limit} only (checkpoints may pad the vocabulary). */
  static int sample(float[] logits, int limit, double temperature, double topP, Random random) {
    int n = Math.min(limit, logits.length);
    if (temperature <= 0) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (logits[i] > logits[best]) {
          best = i;
        }
      }
      return best;
    }
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, logits[i]);
    }
    double[] weights = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = Math.exp((logits[i] - max) / temperature);
      sum += weights[i];
    }
    int[] order = topP < 1 ? nucleus(weights, sum, topP) : null;
    if (order == null) {
      return draw(weights, sum, random);
    }
    double kept = 0;
    for (int id : order) {
      kept += weights[id];
    }
    double target = random.nextDouble() * kept;
    for (int id : order) {
      target -= weights[id];
      if (target <= 0) {
        return id;
      }
    }
    return order[order.length - 1];
  }

  /** The most probable ids whose mass first reaches {@code topP}, most probable first. */
  private static int[] nucleus(double[] weights, double sum, double topP) {
    long[] packed = new long[weights.length];
    for (int i = 0; i < weights.length; i++) {
      float probability = (float) (weights[i] / sum);
      packed[i] = ((long) Float.floatToIntBits(probability) << 32) | i;
    }
    Arrays.sort(packed);
    int[] order = new int[weights.length];
    double mass = 0;
    int count = 0;
    for (int i = packed.length - 1; i >= 0 && mass < topP * sum; i--) {
      order[count] = (int) packed[i];
      mass += weights[order[count++]];
    }
    return Arrays.copyOf(order, Math.max(1, count));
  }

  private static int draw(double[] weights, double sum, Random random) {
    double target = random.nextDouble() * sum;
    for (int i = 0; i < weights.length; i++) {
      target -= weights[i];
      if (target <= 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
