package io.augment.domain.adaptation;

import java.time.Instant;

/**
 * Something a fine-tuning job reported: a state change, a warning, or a step's metrics.
 *
 * @param seq       1, 2, 3, ... within the job, in the order it happened
 * @param createdAt when it happened
 * @param level     info, warn or error
 * @param message   one line for a person
 * @param metrics   the step's numbers for a metrics event, else null
 */
public record FineTuneEvent(long seq, Instant createdAt, Level level, String message, StepMetrics metrics) {

  public enum Level {
    INFO, WARN, ERROR
  }

  /**
   * One step's numbers.
   *
   * @param step            optimiser steps done
   * @param totalSteps      steps the run will take
   * @param trainLoss       training loss of the step
   * @param validationLoss  validation loss at this step, or null when not measured
   * @param tokensPerSecond training throughput so far
   * @param etaSeconds      estimated seconds left, or null while unknown
   */
  public record StepMetrics(int step, int totalSteps, double trainLoss, Double validationLoss, double tokensPerSecond,
      Long etaSeconds) {}
}
