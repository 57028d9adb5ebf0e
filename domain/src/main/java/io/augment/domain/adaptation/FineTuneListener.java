package io.augment.domain.adaptation;

import java.util.List;

/**
 * What a {@link FineTuner} reports about one job, from any thread, in the order it happens. Exactly
 * one of {@link #succeeded}, {@link #failed} and {@link #cancelled} ends a run; nothing is reported
 * after it.
 */
public interface FineTuneListener {
  /** The trainer took the job and knows its size. */
  void running(long totalParameters, long trainableParameters, int totalSteps);

  /** A step finished; {@code validationLoss} is null on steps where it was not measured. */
  void step(int step, int totalSteps, double loss, Double validationLoss, double tokensPerSecond);

  /** A checkpoint was saved durably; {@code kept} are all the job's checkpoints now kept, oldest first. */
  void checkpoint(FineTuneCheckpoint saved, List<FineTuneCheckpoint> kept);

  /** Something a person should know that does not end the run (a worker restarted, say). */
  void warning(String message);

  /** The artifact is installed and can serve generation under the request's name. */
  void succeeded(TrainingMetrics metrics);

  /** The run ended without an artifact; {@code reason} says why, in words, without local paths. */
  void failed(String reason);

  /** The run was cancelled; nothing was installed. */
  void cancelled();
}
