package io.augment.adapter.out.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.augment.domain.adaptation.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Next-token training of all weights (lora null) or of a LoRA adapter's A and B only. DJL allows
 * one GradientCollector per JVM at a time: never run two trainings at once in one process.
 */
public final class Trainer {
  private Trainer() {}

  /** Observes a run; {@code cancelled} is polled between steps. */
  public interface Listener {
    void step(int done, int total, double loss, double tokensPerSecond);

    default boolean cancelled() {
      return false;
    }
  }

  public record Result(List<Double> losses, double tokensPerSecond, long totalParameters,
      long trainableParameters, long peakHeapBytes, long peakNativeBytes, boolean cancelled) {}

  public static Result train(GptWeights w, LoraAdapter lora, int[] corpus, TrainingSettings s, Listener listener) {
    MemoryProbe.reset();
    // Grad mode is thread-local and on by default in new threads; the in-place updates need it off.
    JniUtils.setGradMode(false);
    int t = Math.min(s.sequenceLength(), w.config().contextLength());
    int[] stream = atLeast(corpus, t + 2);
    int steps = s.maxSteps() > 0 ? s.maxSteps()
        : Math.max(1, s.epochs() * (stream.length / (s.batchSize() * t)));
    List<NDArray> trainable = new ArrayList<>();
    if (lora == null) {
      trainable.addAll(w.parameters().values());
    } else {
      lora.pairs().values().forEach(ab -> trainable.addAll(List.of(ab)));
    }
    trainable.forEach(p -> p.setRequiresGradient(true));
    long trainableCount = trainable.stream().mapToLong(NDArray::size).sum();
    long total = w.parameterCount() + (lora == null ? 0 : lora.parameterCount());
    Engine.getInstance().setRandomSeed((int) s.seed());
    Random random = new Random(s.seed());
    List<Double> losses = new ArrayList<>();
    long start = System.nanoTime();
    double rate = 0;
    boolean cancelled = false;
    try (Adam adam = new Adam(trainable, s.learningRate())) {
      for (int step = 0; step < steps; step++) {
        if (listener.cancelled()) {
          cancelled = true;
          break;
        }
        try (NDScope scope = new NDScope()) {
          NDManager m = w.manager();
          long[][] batch = batch(stream, s.batchSize(), t, random);
          NDArray inputs = m.create(batch[0], new Shape(s.batchSize(), t));
          NDArray targets = m.create(batch[1], new Shape(s.batchSize(), t));
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = GptModel.loss(GptModel.logits(w, lora, inputs, true), targets);
            collector.backward(loss);
            losses.add((double) loss.getFloat());
          }
          adam.step();
          scope.suppressNotUsedWarning();
        }
        rate = (double) (step + 1) * s.batchSize() * t / ((System.nanoTime() - start) / 1e9);
        listener.step(step + 1, steps, losses.get(losses.size() - 1), rate);
      }
    } finally {
      trainable.forEach(p -> p.setRequiresGradient(false));
    }
    return new Result(losses, rate, total, trainableCount, MemoryProbe.peakHeap(), MemoryProbe.peakNative(), cancelled);
  }

  private static long[][] batch(int[] stream, int b, int t, Random random) {
    long[] in = new long[b * t];
    long[] out = new long[b * t];
    for (int i = 0; i < b; i++) {
      int from = random.nextInt(stream.length - t);
      for (int j = 0; j < t; j++) {
        in[i * t + j] = stream[from + j];
        out[i * t + j] = stream[from + j + 1];
      }
    }
    return new long[][] {in, out};
  }

  private static int[] atLeast(int[] corpus, int length) {
    if (corpus.length == 0) {
      throw new IllegalArgumentException("empty training corpus");
    }
    int[] s = corpus;
    while (s.length < length) {
      int[] twice = java.util.Arrays.copyOf(s, s.length * 2);
      System.arraycopy(s, 0, twice, s.length, s.length);
      s = twice;
    }
    return s;
  }
}
