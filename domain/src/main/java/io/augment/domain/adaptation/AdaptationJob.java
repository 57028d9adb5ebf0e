package io.augment.domain.adaptation;

import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.util.List;

/**
 * State of a fine-tuning run.
 *
 * @param id       job id
 * @param request  what was asked
 * @param status   life-cycle state
 * @param progress steps done, rate (tokens/s) and ETA
 * @param metrics  measured costs; null until the run has started
 * @param error    failure message when FAILED
 */
public record AdaptationJob(
    String id, FineTuneRequest request, JobStatus status, Progress progress, TrainingMetrics metrics, String error) {

  /**
   * Measured costs of a run.
   *
   * @param totalParameters     parameters of the model
   * @param trainableParameters parameters updated by the optimiser
   * @param tokensPerSecond     training throughput
   * @param lossCurve           loss per logged step
   * @param peakHeapBytes       peak JVM heap
   * @param peakNativeBytes     peak native memory (resident set beyond the heap)
   * @param artifactBytes       bytes of the saved checkpoint or adapter
   */
  public record TrainingMetrics(
      long totalParameters,
      long trainableParameters,
      double tokensPerSecond,
      List<Double> lossCurve,
      long peakHeapBytes,
      long peakNativeBytes,
      long artifactBytes) {

    public double trainablePercent() {
      return totalParameters == 0 ? 0 : 100.0 * trainableParameters / totalParameters;
    }
  }
}
