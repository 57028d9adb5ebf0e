package io.augment.domain.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * Stores evaluation runs and their per-question results, so that results survive a restart and an
 * interrupted run can resume where it stopped.
 *
 * <p>Contract (EvaluationRunRepositoryContract): every method's change is durable when it returns.
 * {@link #save} inserts or replaces the run record (spec, status, progress, contender results).
 * {@link #append} adds results; a result with the same (set, index, contender) as a stored one
 * replaces it, so a resumed run never counts an answer twice. {@link #results} returns them
 * ordered by set (evaluation first), index, then contender in the spec's order of first appearance
 * (insertion order within an index). {@link #delete} removes the run and its results.
 */
public interface EvaluationRunRepository {
  void save(EvaluationRun run);

  Optional<EvaluationRun> find(String id);

  /** Every run, newest first. */
  List<EvaluationRun> list();

  /** Runs whose status is QUEUED or RUNNING (to resume at start-up). */
  List<EvaluationRun> unfinished();

  void append(String runId, List<QuestionResult> results);

  List<QuestionResult> results(String runId);

  boolean delete(String id);
}
