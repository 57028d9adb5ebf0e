package io.augment.application.benchmark;

import io.augment.domain.adaptation.TrainingCost;

/**
 * A model or adapter the benchmark trained or reused.
 *
 * @param name     its catalog name, served as {@code adapter:<name>}
 * @param method   FULL or LORA
 * @param texts    training texts
 * @param reused   true when it was already in the catalog and not trained again
 * @param seconds  wall-clock seconds of its training job as this run waited for it (worker start
 *                 included), or, when reused, the training's own seconds as the catalog recorded them
 * @param cost     what its training cost as the catalog records it, or null when not recorded
 */
public record TrainedModel(String name, String method, int texts, boolean reused, double seconds, TrainingCost cost) {

  /** Share of the parameters training updated, in percent, or null when not recorded. */
  public Double trainablePercent() {
    return cost == null || cost.totalParameters() == 0 ? null : 100.0 * cost.trainableParameters() / cost.totalParameters();
  }
}
