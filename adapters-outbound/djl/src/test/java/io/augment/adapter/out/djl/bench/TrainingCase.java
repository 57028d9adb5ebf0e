package io.augment.adapter.out.djl.bench;

import io.augment.adapter.out.djl.ByteBpeTokenizer;
import io.augment.adapter.out.djl.GptConfig;
import io.augment.adapter.out.djl.GptWeights;
import io.augment.adapter.out.djl.LoraAdapter;
import io.augment.adapter.out.djl.PeftFormat;
import io.augment.adapter.out.djl.Trainer;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One training measurement, run alone in a fresh JVM so peak memory belongs to it. */
final class TrainingCase {
  static final LoraSettings LORA_R8 = new LoraSettings(8, 16, 0.05, Set.of("q_proj", "v_proj"));

  private TrainingCase() {}

  /** Prints one {@code RESULT} line: method, params, trainable, tokens/s, peaks, artifact bytes. */
  static void run(String size, String method, int steps) throws Exception {
    GptConfig config = AdaptationBenchmark.config(size);
    List<String> texts = BenchCorpus.texts(200, 1);
    ByteBpeTokenizer tokenizer = ByteBpeTokenizer.train(texts.subList(0, 40), config.vocabSize());
    List<Integer> ids = new ArrayList<>();
    for (String t : texts) {
      for (int id : tokenizer.encode(t)) {
        ids.add(id);
      }
    }
    int[] corpus = ids.stream().mapToInt(Integer::intValue).toArray();
    long rssBefore = AdaptationBenchmark.rss();
    TrainingSettings s = new TrainingSettings(1, steps, 4, config.contextLength(), method.equals("full") ? 3e-4 : 1e-3, 1);
    Path out = Files.createTempDirectory("bench-" + size + "-" + method);
    try (GptWeights w = GptWeights.initialise(config, 1)) {
      Trainer.Result r;
      long artifact;
      if (method.equals("full")) {
        r = Trainer.train(w, null, corpus, s, (d, t, l, x) -> { });
        artifact = w.save(out.resolve("model.safetensors"));
      } else {
        try (LoraAdapter lora = LoraAdapter.create(config, LORA_R8, "bench", 1)) {
          r = Trainer.train(w, lora, corpus, s, (d, t, l, x) -> { });
          artifact = PeftFormat.save(lora, out);
        }
      }
      System.out.printf("RESULT %s %s %d %d %.1f %d %d %d %d %.3f %.3f%n", size, method, r.totalParameters(),
          r.trainableParameters(), r.tokensPerSecond(), r.peakHeapBytes(), r.peakNativeBytes(),
          AdaptationBenchmark.peakRss() - rssBefore, artifact, r.losses().get(0), r.losses().get(r.losses().size() - 1));
    }
  }
}
