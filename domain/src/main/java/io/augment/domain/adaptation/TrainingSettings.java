package io.augment.domain.adaptation;

import io.augment.domain.model.InvalidInputException;

/** Optimiser settings shared by full and LoRA fine-tuning. */
public record TrainingSettings(int epochs, int maxSteps, int batchSize, int sequenceLength, double learningRate, long seed) {
  public TrainingSettings {
    if (epochs < 1 && maxSteps < 1) {
      throw new InvalidInputException("training", "needs epochs or maxSteps of at least 1");
    }
    if (batchSize < 1 || sequenceLength < 2) {
      throw new InvalidInputException("training", "batchSize must be >= 1 and sequenceLength >= 2");
    }
    if (!(learningRate > 0)) {
      throw new InvalidInputException("training.learningRate", "must be positive");
    }
  }
}
