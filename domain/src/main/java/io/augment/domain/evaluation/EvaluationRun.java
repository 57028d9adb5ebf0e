package io.augment.domain.evaluation;

import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.time.Instant;
import java.util.List;

/**
 * An evaluation run: a background job that puts every question of a set to every contender.
 *
 * @param id          opaque id
 * @param spec        what is measured
 * @param status      life cycle; a run interrupted by a restart is resumed, never left RUNNING
 * @param progress    answers done of all answers (questions x contenders), rate, ETA
 * @param results     one per contender, in the spec's order
 * @param error       why it FAILED, or null
 * @param createdAt   when it was accepted
 * @param finishedAt  when it ended, or null
 */
public record EvaluationRun(
    String id, EvaluationRunSpec spec, JobStatus status, Progress progress, List<ContenderResult> results,
    String error, Instant createdAt, Instant finishedAt) {
  public EvaluationRun {
    results = results == null ? List.of() : List.copyOf(results);
  }
}
