package io.augment.adapter.out.djl.bench;

import io.augment.adapter.out.djl.generate.GenerationLoop;
import io.augment.adapter.out.djl.generate.PromptText;
import io.augment.adapter.out.djl.generate.ResidentModels;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Greedy generation throughput over sequential requests, the adapter of request {@code i} chosen
 * by a mode (none, always the same one, or one of eight in turn). Every request generates exactly
 * the same number of tokens (end-of-text ignored) through the generator's own loop and resident
 * models. Modes alternate within each round, in a rotating order, so that machine noise hits them
 * alike; medians over rounds are reported.
 */
final class GenerationThroughput {
  private static final Prompt PROMPT = Prompt.plain("", "The engine keeps each adapter resident over the base", 12);

  private GenerationThroughput() {}

  /** A way of choosing the adapter per request. */
  record Mode(String label, IntFunction<String> adapterOf) {}

  /** Median completion tokens/s of each mode, and median per-round ratio of each mode to the first. */
  record Result(double[] tokensPerSecond, double[] ratioToFirst) {}

  static Result measure(ResidentModels models, String base, List<Mode> modes, int rounds, int requests,
      int maxTokens) {
    for (Mode mode : modes) {
      for (int i = 0; i < 8; i++) {
        tokens(models, base, mode.adapterOf().apply(i), 4);
      }
    }
    List<double[]> rates = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double[] rate = new double[modes.size()];
      for (int k = 0; k < modes.size(); k++) {
        int m = (k + round) % modes.size();
        long tokens = 0;
        long start = System.nanoTime();
        for (int request = 0; request < requests; request++) {
          tokens += tokens(models, base, modes.get(m).adapterOf().apply(request), maxTokens);
        }
        rate[m] = tokens / ((System.nanoTime() - start) / 1e9);
      }
      rates.add(rate);
    }
    double[] medians = new double[modes.size()];
    double[] ratios = new double[modes.size()];
    for (int m = 0; m < modes.size(); m++) {
      int mode = m;
      medians[m] = median(rates.stream().mapToDouble(r -> r[mode]).toArray());
      ratios[m] = median(rates.stream().mapToDouble(r -> r[mode] / r[0]).toArray());
    }
    return new Result(medians, ratios);
  }

  private static int tokens(ResidentModels models, String base, String adapter, int maxTokens) {
    GenerationOptions options = new GenerationOptions(maxTokens, 0, 1, List.of(), adapter);
    return models.with(adapter, base, served -> GenerationLoop.run(served.model().model(),
        served.model().tokenizer(), served.delta(), PromptText.render(PROMPT), options, piece -> { },
        new java.util.Random(1), true)).completionTokens();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
