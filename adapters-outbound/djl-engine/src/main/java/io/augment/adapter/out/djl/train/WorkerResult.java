package io.augment.adapter.out.djl.train;

import io.augment.domain.adaptation.TrainingCost;
import java.util.List;

/**
 * What a finished training run measured.
 *
 * @param totalParameters     model parameters, adapter included (PEFT's convention)
 * @param trainableParameters parameters the optimiser updated
 * @param tokensPerSecond     training throughput
 * @param lossCurve           mean loss per logged interval
 * @param peakHeapBytes       peak JVM heap in use
 * @param peakNativeBytes     peak resident set beyond the committed heap
 * @param peakResidentBytes   peak resident set of the worker process
 * @param artifactBytes       bytes written (checkpoint folder or adapter folder)
 * @param steps               optimiser steps run
 * @param seconds             wall time of the training loop (model loading and saving excluded)
 * @param tokens              training tokens seen
 */
public record WorkerResult(long totalParameters, long trainableParameters, double tokensPerSecond,
    List<Double> lossCurve, long peakHeapBytes, long peakNativeBytes, long peakResidentBytes, long artifactBytes,
    int steps, double seconds, long tokens) {

  /** What the run cost, as kept with the artifact; peak memory is peak heap plus peak beyond it, 0 if unmeasured. */
  public TrainingCost cost() {
    return new TrainingCost(totalParameters, trainableParameters, seconds, tokens, tokensPerSecond,
        peakHeapBytes + peakNativeBytes);
  }
}
