package io.augment.adapter.out.djl.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.GptWeights;
import io.augment.adapter.out.djl.train.OptimizerTrial;
import io.augment.adapter.out.djl.train.OptimizerTrial.Kind;
import io.augment.adapter.out.djl.train.TokenBatches;
import io.augment.adapter.out.djl.train.Trainer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Full training speed with the reference AdamW against the fused one, in one process on the same
 * model: after a warm-up, rounds alternate the two (reference first, then fused first, ...), each
 * a fresh optimiser over a few steps. Prints Markdown and writes
 * {@code docs/benchmarks/engine-training.md} (or the path given as the first argument).
 */
public final class TrainingSpeedBenchmark {
  /** A model shape and how long each round trains it. */
  record Shape(String label, GptConfig config, int batch, int sequence, int warmupSteps, int steps) {}

  private static final List<Shape> SHAPES = List.of(
      new Shape("issue (d=512, 8 layers)", GptConfig.of(2048, 256, 512, 8, 8), 4, 128, 2, 5),
      new Shape("small (d=128, 2 layers)", GptConfig.of(1024, 64, 128, 2, 4), 8, 64, 20, 100));
  private static final int ROUNDS = 3;
  private static final double LEARNING_RATE = 1e-4;

  private TrainingSpeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path repository = BenchReport.repositoryRoot();
    BenchReport.useRepositoryCache(repository);
    Path output = args.length > 0 ? Path.of(args[0]) : repository.resolve("docs/benchmarks/engine-training.md");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Instant started = Instant.now();
    List<String> rows = new ArrayList<>();
    List<String> roundRows = new ArrayList<>();
    for (Shape shape : SHAPES) {
      measure(shape, rows, roundRows);
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String markdown = render(started, loadBefore, loadAfter, rows, roundRows);
    System.out.println(markdown);
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(output, markdown);
    System.out.println("written to " + output);
  }

  private static void measure(Shape shape, List<String> rows, List<String> roundRows) {
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      GptModel model = GptWeights.initialize(shape.config(), manager, 1);
      TokenBatches batches = new TokenBatches(randomTokens(shape.config().vocabSize(), 200_000), shape.batch(),
          shape.sequence(), 1);
      for (Kind kind : Kind.values()) {
        OptimizerTrial.train(kind, model, batches, shape.warmupSteps(), LEARNING_RATE);
      }
      Map<Kind, List<Trainer.Result>> results = new EnumMap<>(Kind.class);
      for (int round = 0; round < ROUNDS; round++) {
        List<Kind> order = round % 2 == 0 ? List.of(Kind.REFERENCE, Kind.FUSED) : List.of(Kind.FUSED, Kind.REFERENCE);
        for (Kind kind : order) {
          Trainer.Result result = OptimizerTrial.train(kind, model, batches, shape.steps(), LEARNING_RATE);
          results.computeIfAbsent(kind, k -> new ArrayList<>()).add(result);
          roundRows.add(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %.1f | %.1f |", shape.label(), round + 1,
              name(kind), result.tokensPerSecond(), perStep(result.forwardBackwardNanos(), result),
              perStep(result.optimizerNanos(), result)));
          System.out.println(roundRows.get(roundRows.size() - 1));
        }
      }
      Summary reference = Summary.of(results.get(Kind.REFERENCE));
      Summary fused = Summary.of(results.get(Kind.FUSED));
      rows.add(row(shape, model, "reference (old)", reference, reference));
      rows.add(row(shape, model, "fused (new)", fused, reference));
    }
  }

  /** Medians over the rounds of one optimiser. */
  record Summary(double tokensPerSecond, double forwardBackwardMs, double optimizerMs, double otherMs) {
    static Summary of(List<Trainer.Result> results) {
      return new Summary(median(results, r -> r.tokensPerSecond()),
          median(results, r -> perStep(r.forwardBackwardNanos(), r)),
          median(results, r -> perStep(r.optimizerNanos(), r)),
          median(results, r -> r.seconds() * 1000 / r.steps() - perStep(r.forwardBackwardNanos() + r.optimizerNanos(), r)));
    }
  }

  private static String row(Shape shape, GptModel model, String label, Summary s, Summary reference) {
    return String.format(Locale.ROOT, "| %s | %,d | %d x %d | %s | %,.0f | %.1f | %.1f | %.1f | %.2fx | %.2fx |",
        shape.label(), model.parameterCount(), shape.batch(), shape.sequence(), label, s.tokensPerSecond(),
        s.forwardBackwardMs(), s.optimizerMs(), s.otherMs(), s.tokensPerSecond() / reference.tokensPerSecond(),
        s.optimizerMs() / reference.optimizerMs());
  }

  private static String render(Instant started, double loadBefore, double loadAfter, List<String> rows,
      List<String> roundRows) {
    StringBuilder md = new StringBuilder();
    md.append("# Engine training speed: the fused AdamW against the first one\n\n");
    md.append(String.format(Locale.ROOT, "Measured %s on %d cores (load average %.2f before, %.2f after), Java %s, "
            + "DJL 0.36 / PyTorch 2.7.1 CPU, %d intra-op thread(s), OMP_WAIT_POLICY=%s.\n\n", started,
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, System.getProperty("java.version"),
        JniUtils.getNumThreads(), System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)")));
    md.append("Run it with nothing else running on the machine:\n\n```\n"
        + "OMP_WAIT_POLICY=PASSIVE ./mvnw -o -f adapters-outbound/djl-engine/pom.xml test-compile exec:java \\\n"
        + "  -Dexec.mainClass=io.augment.adapter.out.djl.bench.TrainingSpeedBenchmark\n```\n\n");
    md.append("Full training (every weight trainable) of a freshly initialised model on random token windows, in one "
        + "process. Each shape is warmed up with both optimisers, then " + ROUNDS + " rounds alternate them (the "
        + "reference first in odd rounds, the fused one first in even rounds); each round is a fresh optimiser "
        + "training the same model for a few steps. Values are medians over the rounds. Forward+backward includes "
        + "building the batch and reading the loss; optimiser includes the global gradient norm, clipping and "
        + "zeroing the gradients; other is the rest of a step (listener, loop) and the final weight check spread "
        + "over the steps. Ratios are new / old (tokens/s: above 1 is faster; optimiser ms: below 1 is faster).\n\n");
    md.append("| shape | parameters | batch | optimiser | tokens/s | fwd+bwd ms/step | optimiser ms/step "
        + "| other ms/step | tokens/s ratio | optimiser ratio |\n");
    md.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach(r -> md.append(r).append('\n'));
    md.append("\nEvery round:\n\n| shape | round | optimiser | tokens/s | fwd+bwd ms/step | optimiser ms/step |\n"
        + "|---|---:|---|---:|---:|---:|\n");
    roundRows.forEach(r -> md.append(r).append('\n'));
    return md.toString();
  }

  private static String name(Kind kind) {
    return kind == Kind.REFERENCE ? "reference (old)" : "fused (new)";
  }

  static double perStep(long nanos, Trainer.Result result) {
    return nanos / 1e6 / result.steps();
  }

  private static double median(List<Trainer.Result> results, java.util.function.ToDoubleFunction<Trainer.Result> f) {
    double[] values = results.stream().mapToDouble(f).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static int[] randomTokens(int vocabulary, int length) {
    Random random = new Random(7);
    int[] tokens = new int[length];
    for (int i = 0; i < length; i++) {
      tokens[i] = random.nextInt(vocabulary);
    }
    return tokens;
  }
}
