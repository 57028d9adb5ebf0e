package io.augment.domain.adaptation;

import io.augment.domain.job.Progress;
import java.time.Instant;

/**
 * The durable record of a fine-tuning job.
 *
 * @param id         opaque job id ({@code ftjob-...})
 * @param spec       what was asked, without the examples themselves
 * @param status     where it is in its life cycle
 * @param progress   steps done of total, tokens/s, ETA
 * @param metrics    measured costs: parameters once running, the rest once it succeeded; null before
 * @param error      why it failed, else null
 * @param createdAt  when it was accepted
 * @param finishedAt when it ended, else null
 * @param resumes    times it was resumed after the server stopped under it
 */
public record FineTuningJob(
    String id, FineTuneSpec spec, FineTuneStatus status, Progress progress, TrainingMetrics metrics, String error,
    Instant createdAt, Instant finishedAt, int resumes) {

  public FineTuningJob with(FineTuneStatus status, Progress progress, TrainingMetrics metrics, String error,
      Instant finishedAt) {
    return new FineTuningJob(id, spec, status, progress, metrics, error, createdAt, finishedAt, resumes);
  }

  public FineTuningJob resumed() {
    return new FineTuningJob(id, spec, status, progress, metrics, error, createdAt, finishedAt, resumes + 1);
  }
}
