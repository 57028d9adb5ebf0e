package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.model.GptModel;

/** Full training runs with the engine's optimiser or the reference one, for benchmarks outside this package. */
public final class OptimizerTrial {
  /** Which AdamW a run uses. */
  public enum Kind {
    /** The first implementation: separate operations per parameter ({@link ReferenceAdamW}). */
    REFERENCE,
    /** The engine's fused update ({@link AdamW}). */
    FUSED
  }

  private OptimizerTrial() {}

  public static Trainer.Result train(Kind kind, GptModel model, TokenBatches batches, int steps, double learningRate) {
    Trainer.Optimizers optimizers = kind == Kind.REFERENCE
        ? (parameters, manager) -> new ReferenceAdamW(parameters, 0.0, manager)
        : (parameters, manager) -> new AdamW(parameters, 0.0, manager);
    return Trainer.train(model, null, batches, steps, learningRate, (step, total, loss, rate) -> { }, () -> false,
        optimizers);
  }
}
