package io.augment.adapter.out.djl.bench;

import ai.djl.pytorch.jni.JniUtils;
import io.augment.adapter.out.djl.DjlEngine;
import io.augment.adapter.out.djl.DjlEngineConfig;
import io.augment.adapter.out.djl.ModelStore;
import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.adaptation.TrainingMetrics;
import io.augment.domain.adaptation.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Full fine-tuning against LoRA r=8 on a ~1M and a ~26M parameter model (trainable parameters,
 * tokens/s, peak memory, artifact bytes, each run in its own worker process), then generation
 * throughput with no adapter, one adapter, and eight adapters used in turn. Prints Markdown and
 * writes {@code docs/benchmarks/adaptation.md} (or the path given as the first argument).
 */
public final class AdaptationBenchmark {
  /** A model size and how long to train it. */
  record Size(String label, GptConfig config, int batch, int sequence, int steps, int generatedTokens) {}

  private static final List<Size> SIZES = List.of(
      new Size("small (~1M)", GptConfig.of(1024, 128, 128, 4, 4), 8, 128, 12, 32),
      new Size("large (~26M)", GptConfig.of(2048, 256, 512, 8, 8), 4, 128, 6, 32));

  private AdaptationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path repository = BenchReport.repositoryRoot();
    BenchReport.useRepositoryCache(repository);
    Path output = args.length > 0 ? Path.of(args[0]) : repository.resolve("docs/benchmarks/adaptation.md");
    List<String> corpus = BenchCorpus.load(repository);
    Path root = Files.createTempDirectory("adaptation-bench");
    BenchReport report = new BenchReport(corpus.size());
    try {
      for (Size size : SIZES) {
        run(size, root.resolve(size.config().dModel() + ""), corpus, report);
      }
      report.generationThreads(JniUtils.getNumThreads());
    } finally {
      Folders.delete(root);
    }
    String markdown = report.markdown();
    System.out.println(markdown);
    Files.createDirectories(output.getParent());
    Files.writeString(output, markdown);
    System.out.println("written to " + output);
  }

  private static void run(Size size, Path root, List<String> corpus, BenchReport report) throws Exception {
    DjlEngineConfig config = new DjlEngineConfig("base", size.config(), 1024, 0, 0, List.of());
    try (DjlEngine engine = new DjlEngine(root, config)) {
      long start = System.nanoTime();
      train(engine, "base", ModelStore.SCRATCH, AdaptationMethod.FULL, null, size, 1e-3, corpus);
      TrainingMetrics full = train(engine, "full", "base", AdaptationMethod.FULL, null, size, 1e-4, corpus);
      TrainingMetrics cAttn = train(engine, "lora-c_attn", "base", AdaptationMethod.LORA,
          new LoraSettings(8, 16, 0.05, Set.of("c_attn")), size, 1e-3, corpus);
      TrainingMetrics qv = train(engine, "lora-q_v", "base", AdaptationMethod.LORA,
          new LoraSettings(8, 16, 0.05, Set.of("q_proj", "v_proj")), size, 1e-3, corpus);
      report.training(size, "full fine-tuning", full);
      report.training(size, "LoRA r=8, c_attn (q,k,v fused)", cAttn);
      report.training(size, "LoRA r=8, q_proj + v_proj", qv);

      List<String> adapters = new ArrayList<>(List.of("lora-c_attn"));
      for (int i = 1; i < 8; i++) {
        adapters.add(BenchAdapters.randomCopy(engine.store(), "lora-c_attn", "lora-" + i, i));
      }
      GenerationThroughput.Result generation = GenerationThroughput.measure(engine.resident(), "base", List.of(
          new GenerationThroughput.Mode("base only", i -> null),
          new GenerationThroughput.Mode("1 adapter", i -> adapters.get(0)),
          new GenerationThroughput.Mode("8 adapters in turn", i -> adapters.get(i % 8))), 5, 8, size.generatedTokens());
      report.generation(size, generation);
      report.seconds(size, (System.nanoTime() - start) / 1e9);
    }
  }

  private static TrainingMetrics train(DjlEngine engine, String name, String base, AdaptationMethod method,
      LoraSettings lora, Size size, double learningRate, List<String> corpus) throws InterruptedException {
    TrainingSettings training = new TrainingSettings(1, size.steps(), size.batch(), size.sequence(), learningRate, 7);
    RecordingListener job = new RecordingListener();
    engine.fineTuner().start(name + "-" + java.util.UUID.randomUUID(),
        FineTuneRequest.ofTexts(name, base, method, lora, training, corpus), job);
    RecordingListener.Heard end = job.awaitEnd(java.time.Duration.ofHours(2));
    if (!end.kind().equals("succeeded")) {
      throw new IllegalStateException(name + " " + end.kind() + ": " + job.reason);
    }
    TrainingMetrics m = job.metrics;
    System.out.printf("%s %s: %.0f tokens/s, trainable %.3f%%, peak heap %d MB, native %d MB, artifact %d bytes%n",
        size.label(), name, m.tokensPerSecond(), m.trainablePercent(), m.peakHeapBytes() >> 20,
        m.peakNativeBytes() >> 20, m.artifactBytes());
    return m;
  }
}
