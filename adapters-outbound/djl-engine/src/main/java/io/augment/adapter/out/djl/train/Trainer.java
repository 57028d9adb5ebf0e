package io.augment.adapter.out.djl.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.model.LoraWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Next-token training of a {@link GptModel}: every weight when no adapter is given, otherwise only
 * the adapter's A and B (the base weights never require gradients). One run per process at a time:
 * the engine allows one gradient collector per JVM. A non-finite loss or gradient norm, or
 * non-finite weights at the end, stop the run with {@link TrainingDiverged}.
 */
public final class Trainer {
  private static final double CLIP_NORM = 1.0;

  private Trainer() {}

  /** Called after each step. */
  public interface Listener {
    void onStep(int step, int totalSteps, double loss, double tokensPerSecond);

    /** As the four-argument form, with the validation loss measured at this step or null. */
    default void onStep(int step, int totalSteps, double loss, Double validationLoss, double tokensPerSecond) {
      onStep(step, totalSteps, loss, tokensPerSecond);
    }
  }

  /** Where a run stands: steps done, its loss curve so far, the unfinished interval's loss sum, seconds spent. */
  public record Position(int step, List<Double> curve, double intervalLoss, double seconds) {
    public static final Position START = new Position(0, List.of(), 0, 0);
  }

  /** What a resumable run adds to a plain one: where it starts, validation, checkpoints. */
  public interface Session {
    /** A run from step 0 without validation or checkpoints. */
    Session NONE = new Session() {
      @Override
      public Position begin(Optimizer optimizer) {
        return Position.START;
      }

      @Override
      public Double afterStep(int step, double loss) {
        return null;
      }

      @Override
      public void checkpoint(Position position, Optimizer optimizer, Double validationLoss) {}
    };

    /** Called once before the first step; restores {@code optimizer} when resuming and says where to start. */
    Position begin(Optimizer optimizer);

    /** Called before step {@code step} (counted from 0). */
    default void beforeStep(int step) {}

    /** Called after each step ({@code step} counted from 1); returns the validation loss measured there, or null. */
    Double afterStep(int step, double loss);

    /** Called after the step's listener; saves a checkpoint when one is due. */
    void checkpoint(Position position, Optimizer optimizer, Double validationLoss);
  }

  /**
   * @param lossCurve            mean loss per logged interval (at most about 100 points)
   * @param tokensPerSecond      training tokens per second of wall time
   * @param steps                steps run (fewer than asked when cancelled), earlier runs of a resumed one included
   * @param trainableParameters  parameters the optimiser updated
   * @param seconds              wall time of the run, final weight check (and earlier runs of a resumed one) included
   * @param tokens               training tokens seen ({@code steps x batch x sequence})
   * @param forwardBackwardNanos time in forward and backward passes (batches and loss read included)
   * @param optimizerNanos       time in optimiser steps (clipping and zeroing gradients included)
   */
  public record Result(List<Double> lossCurve, double tokensPerSecond, int steps, long trainableParameters,
      double seconds, long tokens, long forwardBackwardNanos, long optimizerNanos) {}

  /** Makes the optimiser of a run over its parameters. */
  interface Optimizers {
    Optimizer create(List<NDArray> parameters, NDManager manager);
  }

  static final Optimizers ADAMW = (parameters, manager) -> new AdamW(parameters, 0.0, manager);

  public static Result train(GptModel model, LoraWeights lora, TokenBatches batches, int totalSteps,
      double learningRate, Listener listener, BooleanSupplier cancelled) {
    return train(model, lora, batches, totalSteps, learningRate, listener, cancelled, ADAMW, Session.NONE);
  }

  static Result train(GptModel model, LoraWeights lora, TokenBatches batches, int totalSteps, double learningRate,
      Listener listener, BooleanSupplier cancelled, Optimizers optimizers) {
    return train(model, lora, batches, totalSteps, learningRate, listener, cancelled, optimizers, Session.NONE);
  }

  static Result train(GptModel model, LoraWeights lora, TokenBatches batches, int totalSteps, double learningRate,
      Listener listener, BooleanSupplier cancelled, Optimizers optimizers, Session session) {
    List<NDArray> parameters = lora == null ? new ArrayList<>(model.weights().values()) : lora.parameters();
    parameters.forEach(p -> p.setRequiresGradient(true));
    long trainable = lora == null ? model.parameterCount() : lora.trainableCount();
    LoraDelta delta = lora == null ? LoraDelta.NONE : lora.trainingDelta();
    int logEvery = Math.max(1, totalSteps / 100);
    List<Double> curve = new ArrayList<>();
    double intervalLoss = 0;
    long forwardBackward = 0;
    long optimizing = 0;
    long start = System.nanoTime();
    double earlierSeconds = 0;
    int step = 0;
    int firstStep = 0;
    try (Optimizer optimizer = optimizers.create(parameters, model.manager())) {
      Position from = session.begin(optimizer);
      step = from.step();
      firstStep = step;
      curve.addAll(from.curve());
      intervalLoss = from.intervalLoss();
      earlierSeconds = from.seconds();
      while (step < totalSteps && !cancelled.getAsBoolean()) {
        session.beforeStep(step);
        long begin = System.nanoTime();
        double loss = step(model, delta, batches.nextBatch());
        long backwardDone = System.nanoTime();
        forwardBackward += backwardDone - begin;
        if (!Double.isFinite(loss)) {
          throw TrainingDiverged.loss(loss, step + 1);
        }
        double norm = optimizer.step(learningRate * Schedule.factor(step, totalSteps), CLIP_NORM);
        optimizer.zeroGradients();
        optimizing += System.nanoTime() - backwardDone;
        if (!Double.isFinite(norm)) {
          throw TrainingDiverged.gradients(step + 1);
        }
        step++;
        intervalLoss += loss;
        if (step % logEvery == 0 || step == totalSteps) {
          int count = step % logEvery == 0 ? logEvery : step % logEvery;
          curve.add(intervalLoss / count);
          intervalLoss = 0;
        }
        Double validation = session.afterStep(step, loss);
        double seconds = (System.nanoTime() - start) / 1e9;
        listener.onStep(step, totalSteps, loss, validation, (double) (step - firstStep) * batches.tokensPerStep()
            / seconds);
        session.checkpoint(new Position(step, List.copyOf(curve), intervalLoss, earlierSeconds + seconds), optimizer,
            validation);
      }
    } finally {
      parameters.forEach(p -> p.setRequiresGradient(false));
    }
    if (!finite(parameters)) {
      throw TrainingDiverged.weights(step);
    }
    double seconds = earlierSeconds + (System.nanoTime() - start) / 1e9;
    long tokens = (long) step * batches.tokensPerStep();
    return new Result(curve, tokens / seconds, step, trainable, seconds, tokens, forwardBackward, optimizing);
  }

  /** Whether every value of every parameter is finite (the last update may overflow after a finite loss). */
  static boolean finite(List<NDArray> parameters) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (NDArray parameter : parameters) {
        if (parameter.isNaN().logicalOr(parameter.isInfinite()).any().getBoolean()) {
          return false;
        }
      }
      return true;
    }
  }

  /** One forward and backward pass over plain rows (every target counted); returns the mean cross-entropy. */
  static double step(GptModel model, LoraDelta delta, int[][] rows) {
    return step(model, delta, new TokenBatches.Batch(rows, null));
  }

  /** One forward and backward pass; returns the cross-entropy averaged over the targets the batch weighs. */
  static double step(GptModel model, LoraDelta delta, TokenBatches.Batch batch) {
    int[][] rows = batch.rows();
    int time = rows[0].length - 1;
    int[][] inputs = new int[rows.length][];
    int[][] targets = new int[rows.length][];
    for (int row = 0; row < rows.length; row++) {
      inputs[row] = java.util.Arrays.copyOfRange(rows[row], 0, time);
      targets[row] = java.util.Arrays.copyOfRange(rows[row], 1, time + 1);
    }
    try (NDScope scope = new NDScope();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      scope.suppressNotUsedWarning();
      NDArray logits = model.forward(model.tokens(inputs), delta, null, false);
      NDArray loss = crossEntropy(logits, model.tokens(targets), weights(model.manager(), batch.weights()));
      collector.backward(loss);
      return loss.getFloat();
    }
  }

  /** The weights as a [batch, time] array; null stays null. */
  static NDArray weights(NDManager manager, float[][] weights) {
    if (weights == null) {
      return null;
    }
    float[] flat = new float[weights.length * weights[0].length];
    for (int row = 0; row < weights.length; row++) {
      System.arraycopy(weights[row], 0, flat, row * weights[0].length, weights[0].length);
    }
    return manager.create(flat, new Shape(weights.length, weights[0].length));
  }

  /** Mean negative log-likelihood of {@code targets [batch, time]} under {@code logits [batch, time, vocab]}. */
  public static NDArray crossEntropy(NDArray logits, NDArray targets) {
    return crossEntropy(logits, targets, null);
  }

  /**
   * Negative log-likelihood of the targets averaged with {@code weights [batch, time]} (null: the
   * plain mean); a batch whose weights are all 0 has loss 0 and no gradient.
   */
  public static NDArray crossEntropy(NDArray logits, NDArray targets, NDArray weights) {
    Shape shape = targets.getShape();
    NDArray picked = logits.logSoftmax(-1).gather(targets.reshape(shape.get(0), shape.get(1), 1), -1);
    if (weights == null) {
      return picked.mean().neg();
    }
    NDArray weighted = picked.reshape(shape.get(0), shape.get(1)).mul(weights).sum();
    return weighted.div(weights.sum().maximum(1f)).neg();
  }
}
