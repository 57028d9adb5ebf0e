package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.ForwardingListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.adaptation.TrainingSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What durability costs a local training run: the same run with checkpoints off, every tenth of the
 * run and every fiftieth, and with its worker killed after the first checkpoint (restarted from it),
 * for full fine-tuning and LoRA. Each setup runs {@code repeats} times interleaved; the table shows
 * the median wall time from start to success and its ratio to checkpoints off measured in the same
 * run, and the bytes one checkpoint takes. Writes {@code docs/benchmarks/fine-tuning-durability.md}.
 *
 * <p>{@code ./mvnw -q install -DskipTests && ./mvnw -q -pl adapters-outbound/djl-engine
 * org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.augment.adapter.out.djl.DurabilityBenchmark [-Dexec.args="<steps> <repeats>"]}
 */
public final class DurabilityBenchmark {
  private static final GptConfig SHAPE = GptConfig.of(1024, 128, 256, 4, 4);
  private static final Duration PATIENCE = Duration.ofMinutes(30);

  private record Setup(String label, int every, boolean kill) {}

  private record Outcome(double seconds, long checkpointBytes, int checkpoints, int restarts) {}

  private DurabilityBenchmark() {}

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path root = Files.createTempDirectory("durability-bench");
    List<String> corpus = TinyModels.corpus(2000, 7);
    List<Setup> setups = List.of(new Setup("checkpoints off", steps + 1, false),
        new Setup("every 10% (default)", 0, false), new Setup("every 2%", Math.max(1, steps / 50), false),
        new Setup("every 10%, worker killed after the first", 0, true));
    List<String> rows = new ArrayList<>();
    String base;
    try (DjlEngine engine = engine(root, steps + 1)) {
      base = "bench-base";
      RecordingListener pretrain = FineTuneRuns.run(engine.fineTuner(), FineTuneRuns.pretrain(base,
          new TrainingSettings(1, 50, 8, 64, 1e-3, 1), corpus));
      if (!"succeeded".equals(pretrain.ends().get(0).kind())) {
        throw new IllegalStateException("pretraining failed: " + pretrain.heard);
      }
    }
    int run = 0;
    for (AdaptationMethod method : List.of(AdaptationMethod.FULL, AdaptationMethod.LORA)) {
      double[][] seconds = new double[setups.size()][repeats];
      Outcome[] last = new Outcome[setups.size()];
      for (int r = 0; r < repeats; r++) {
        for (int s = 0; s < setups.size(); s++) {
          Setup setup = setups.get(s);
          try (DjlEngine engine = engine(root, setup.every())) {
            String name = "bench-" + method.name().toLowerCase(Locale.ROOT) + "-" + (run++);
            FineTuneRequest request = FineTuneRuns.request(name, base, method,
                method == AdaptationMethod.LORA ? new LoraSettings(8, 16, 0.0, Set.of("c_attn")) : null,
                new TrainingSettings(1, steps, 8, 64, method == AdaptationMethod.LORA ? 2e-3 : 5e-4, 1), corpus);
            last[s] = measure(engine, root, request, setup.kill());
            seconds[s][r] = last[s].seconds();
            engine.catalog().delete(name);
          }
        }
      }
      double baseline = median(seconds[0]);
      for (int s = 0; s < setups.size(); s++) {
        double m = median(seconds[s]);
        rows.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %.2fx | %d | %s | %d |", method == AdaptationMethod.FULL
            ? "full" : "LoRA r=8", setups.get(s).label(), m, m / baseline, last[s].checkpoints(),
            last[s].checkpointBytes() == 0 ? "-" : String.format(Locale.ROOT, "%,d", last[s].checkpointBytes()),
            last[s].restarts()));
      }
    }
    String table = String.join("\n", List.of("| method | checkpoints | median seconds to success | vs off | checkpoints saved"
        + " | bytes per checkpoint | worker restarts |", "|---|---|---|---|---|---|---|")) + "\n" + String.join("\n", rows);
    System.out.println(table);
    String report = "# Fine-tuning durability: what checkpoints and a worker restart cost\n\n"
        + "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores (load average "
        + String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        + " at the start), local engine, model shape vocabulary " + SHAPE.vocabSize() + " (the BPE vocabulary learnt"
        + " from the corpus may come out smaller), context " + SHAPE.contextLength() + ", width " + SHAPE.dModel() + ", "
        + SHAPE.layers() + " layers, " + steps + " steps of batch 8 x 64 tokens, "
        + repeats + " runs of each setup interleaved; wall time from start (worker launch included) to success.\n\n"
        + table + "\n\nReproduce: `./mvnw -q install -DskipTests && ./mvnw -q -pl adapters-outbound/djl-engine "
        + "org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.classpathScope=test "
        + "-Dexec.mainClass=io.augment.adapter.out.djl.DurabilityBenchmark -Dexec.args=\"" + steps + " " + repeats + "\"`\n";
    Path out = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."), "docs", "benchmarks",
        "fine-tuning-durability.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println("written to " + out.toAbsolutePath().normalize());
    Folders.delete(root);
  }

  private static DjlEngine engine(Path root, int every) {
    return new DjlEngine(root, new DjlEngineConfig(null, SHAPE, 1024, 0, 0, List.of()).withCheckpoints(every, 2));
  }

  private static Outcome measure(DjlEngine engine, Path root, FineTuneRequest request, boolean kill) throws Exception {
    String job = FineTuneRuns.jobId();
    RecordingListener heard = new RecordingListener();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    engine.fineTuner().start(job, request, new ForwardingListener(heard) {
      @Override
      public void checkpoint(FineTuneCheckpoint saved, List<FineTuneCheckpoint> kept) {
        super.checkpoint(saved, kept);
        bytes.compareAndSet(0, Folders.bytes(root.resolve("jobs").resolve(job).resolve("checkpoints").resolve(saved.id())));
        if (kill && killed.compareAndSet(false, true)) {
          engine.fineTuner().worker(job).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    });
    heard.awaitEnd(PATIENCE);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!"succeeded".equals(heard.ends().get(0).kind())) {
      throw new IllegalStateException(request.name() + " did not succeed: " + heard.heard);
    }
    return new Outcome(seconds, bytes.get(), heard.of("checkpoint").size(), heard.of("warning").size());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
