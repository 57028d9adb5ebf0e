package io.augment.adapter.out.djl;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/** Picks the next token: argmax at temperature 0, else temperature-scaled nucleus (top-p) sampling. */
final class Sampler {
  private Sampler() {}

  static int next(float[] logits, double temperature, double topP, Random random) {
    if (temperature == 0) {
      int best = 0;
      for (int i = 1; i < logits.length; i++) {
        if (logits[i] > logits[best]) {
          best = i;
        }
      }
      return best;
    }
    double max = IntStream.range(0, logits.length).mapToDouble(i -> logits[i]).max().orElse(0);
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp((logits[i] - max) / temperature);
      sum += p[i];
    }
    Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
    final double total = sum;
    Arrays.sort(order, Comparator.comparingDouble(i -> -p[i]));
    double kept = 0;
    int n = 0;
    while (n < order.length && (n == 0 || kept < topP * total)) {
      kept += p[order[n++]];
    }
    double r = random.nextDouble() * kept;
    for (int i = 0; i < n; i++) {
      r -= p[order[i]];
      if (r <= 0) {
        return order[i];
      }
    }
    return order[n - 1];
  }
}
