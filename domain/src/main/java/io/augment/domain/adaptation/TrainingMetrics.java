package io.augment.domain.adaptation;

import java.util.List;

/**
 * Measured costs of a training run.
 *
 * @param totalParameters     parameters of the model
 * @param trainableParameters parameters updated by the optimiser
 * @param tokensPerSecond     training throughput
 * @param lossCurve           loss per logged step
 * @param peakHeapBytes       peak JVM heap of the trainer, 0 when not measured (a remote trainer)
 * @param peakNativeBytes     peak native memory (resident set beyond the heap), 0 when not measured
 * @param artifactBytes       bytes of the saved checkpoint or adapter
 * @param trainedTokens       training tokens processed
 */
public record TrainingMetrics(
    long totalParameters,
    long trainableParameters,
    double tokensPerSecond,
    List<Double> lossCurve,
    long peakHeapBytes,
    long peakNativeBytes,
    long artifactBytes,
    long trainedTokens) {

  public TrainingMetrics {
    lossCurve = lossCurve == null ? List.of() : List.copyOf(lossCurve);
  }

  public double trainablePercent() {
    return totalParameters == 0 ? 0 : 100.0 * trainableParameters / totalParameters;
  }
}
