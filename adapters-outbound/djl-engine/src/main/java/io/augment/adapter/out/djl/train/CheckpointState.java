package io.augment.adapter.out.djl.train;

import java.util.List;

/**
 * A checkpoint's {@code state.json}: where the run stood when it was saved, beside the weights and
 * the optimiser state in the same folder.
 *
 * @param step           optimiser steps done
 * @param trainLoss      mean training loss since the previous checkpoint
 * @param validationLoss loss on the validation windows at this step, null without validation texts
 * @param createdAt      when it was saved (ISO-8601)
 * @param lossCurve      the run's loss curve so far
 * @param intervalLoss   loss summed over the curve's unfinished interval
 * @param seconds        training wall time so far
 */
public record CheckpointState(int step, double trainLoss, Double validationLoss, String createdAt,
    List<Double> lossCurve, double intervalLoss, double seconds) {
  public static final String FILE = "state.json";
  public static final String PREFIX = "step-";

  /** The folder name of the checkpoint at {@code step}. */
  public static String id(int step) {
    return PREFIX + step;
  }
}
