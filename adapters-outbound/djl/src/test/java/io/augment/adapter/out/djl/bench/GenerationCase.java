package io.augment.adapter.out.djl.bench;

import io.augment.adapter.out.djl.ByteBpeTokenizer;
import io.augment.adapter.out.djl.DjlEngineConfig;
import io.augment.adapter.out.djl.DjlGenerator;
import io.augment.adapter.out.djl.GptConfig;
import io.augment.adapter.out.djl.GptWeights;
import io.augment.adapter.out.djl.LoraAdapter;
import io.augment.adapter.out.djl.ModelStore;
import io.augment.adapter.out.djl.PeftFormat;
import io.augment.domain.generation.GenerationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Generation throughput of the base model alone, one adapter, and eight adapters round-robin. */
final class GenerationCase {
  private GenerationCase() {}

  /** Returns tokens/s for {@code adapters} = 0 (base), 1 and 8. */
  static double[] run(String size, int requests, int maxTokens) throws Exception {
    GptConfig config = AdaptationBenchmark.config(size);
    Path root = Files.createTempDirectory("bench-gen-" + size);
    List<String> texts = BenchCorpus.texts(40, 2);
    ByteBpeTokenizer tokenizer = ByteBpeTokenizer.train(texts, config.vocabSize());
    try (GptWeights w = GptWeights.initialise(config, 3)) {
      new ModelStore(root).saveModel("base", w, tokenizer);
      for (int i = 0; i < 8; i++) {
        try (LoraAdapter lora = LoraAdapter.create(config, TrainingCase.LORA_R8, "base", 10 + i)) {
          float shift = 0.01f * (i + 1);
          lora.pairs().values().forEach(ab -> ab[1].addi(shift));
          PeftFormat.save(lora, root.resolve("adapters/a" + i));
        }
      }
    }
    try (DjlGenerator generator = new DjlGenerator(root, new DjlEngineConfig("base", 1))) {
      int[] adapterCounts = {0, 1, 8};
      measure(generator, 0, 8, 4, 8);
      // Interleaved rounds so drift in machine load hits all three configurations alike.
      double[] tokens = new double[3];
      double[] seconds = new double[3];
      for (int round = 0; round < 4; round++) {
        for (int c = 0; c < 3; c++) {
          long start = System.nanoTime();
          tokens[c] += measure(generator, round * (requests / 4), requests / 4, maxTokens, adapterCounts[c]);
          seconds[c] += (System.nanoTime() - start) / 1e9;
        }
      }
      return new double[] {tokens[0] / seconds[0], tokens[1] / seconds[1], tokens[2] / seconds[2]};
    }
  }

  /** Runs the requests; returns the tokens generated. */
  private static long measure(DjlGenerator generator, int first, int requests, int maxTokens, int adapters) {
    long tokens = 0;
    for (int r = 0; r < requests; r++) {
      String adapter = adapters == 0 ? null : "a" + ((first + r) % adapters);
      tokens += generator.complete("the engine reads", new GenerationOptions(maxTokens, 0, 1, List.of(), adapter))
          .usage().completionTokens();
    }
    return tokens;
  }
}
