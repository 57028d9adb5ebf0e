package io.augment.domain.adaptation;

import io.augment.domain.model.InvalidInputException;

/**
 * Optimiser settings shared by full and LoRA fine-tuning, each within a documented range
 * (docs/local-engine.md); an out-of-range value is refused naming {@code training.<field>}.
 * Ranges that depend on the base model (sequence length within its context) are checked by the
 * fine-tuner before it queues the job.
 *
 * @param epochs         passes over the corpus, 0 to {@value #MAX_EPOCHS} (0 needs maxSteps)
 * @param maxSteps       optimiser steps, 0 (use epochs) to {@value #MAX_STEPS}
 * @param batchSize      rows per step, 1 to {@value #MAX_BATCH_SIZE}
 * @param sequenceLength tokens per row, 2 to {@value #MAX_SEQUENCE_LENGTH}; batchSize x
 *                       sequenceLength at most {@value #MAX_TOKENS_PER_STEP}
 * @param learningRate   peak learning rate, in (0, {@value #MAX_LEARNING_RATE}]
 * @param seed           seed of initialisation and batch order, any value
 */
public record TrainingSettings(int epochs, int maxSteps, int batchSize, int sequenceLength, double learningRate, long seed) {
  public static final int MAX_EPOCHS = 100;
  public static final int MAX_STEPS = 1_000_000;
  public static final int MAX_BATCH_SIZE = 256;
  public static final int MAX_SEQUENCE_LENGTH = 4096;
  public static final int MAX_TOKENS_PER_STEP = 16_384;
  public static final double MAX_LEARNING_RATE = 1.0;

  public TrainingSettings {
    if (epochs < 0 || epochs > MAX_EPOCHS) {
      throw new InvalidInputException("training.epochs", "must be between 0 and " + MAX_EPOCHS + ", got " + epochs);
    }
    if (maxSteps < 0 || maxSteps > MAX_STEPS) {
      throw new InvalidInputException("training.maxSteps", "must be between 0 and " + MAX_STEPS + ", got " + maxSteps);
    }
    if (epochs == 0 && maxSteps == 0) {
      throw new InvalidInputException("training.epochs", "needs epochs or maxSteps of at least 1");
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new InvalidInputException("training.batchSize", "must be between 1 and " + MAX_BATCH_SIZE
          + ", got " + batchSize);
    }
    if (sequenceLength < 2 || sequenceLength > MAX_SEQUENCE_LENGTH) {
      throw new InvalidInputException("training.sequenceLength", "must be between 2 and " + MAX_SEQUENCE_LENGTH
          + ", got " + sequenceLength);
    }
    if ((long) batchSize * sequenceLength > MAX_TOKENS_PER_STEP) {
      throw new InvalidInputException("training.batchSize", "batchSize x sequenceLength must be at most "
          + MAX_TOKENS_PER_STEP + " tokens per step, got " + (long) batchSize * sequenceLength);
    }
    if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
      throw new InvalidInputException("training.learningRate", "must be above 0 and at most " + MAX_LEARNING_RATE
          + ", got " + learningRate);
    }
  }
}
