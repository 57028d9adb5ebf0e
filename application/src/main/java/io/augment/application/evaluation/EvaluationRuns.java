package io.augment.application.evaluation;

import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.evaluation.QuestionResult;
import java.util.List;

/**
 * Evaluation runs: a durable background job that puts every question of a set to every contender,
 * scores the answers, and joins the cost of what produced each contender.
 */
public final class EvaluationRuns {

  /**
   * Checks that the set, control set, knowledge bases, trained models and generators named exist
   * (404 / 400 naming the field otherwise), stores the run QUEUED and starts it.
   */
  public EvaluationRun start(EvaluationRunSpec spec) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** @throws io.augment.domain.model.NotFoundException when there is no such run */
  public EvaluationRun get(String id) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Every run, newest first. */
  public List<EvaluationRun> list() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Asks an unfinished run to stop after the answer in progress; a finished run is returned unchanged. */
  public EvaluationRun cancel(String id) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Cancels the run if unfinished and removes it with its results. @throws NotFoundException */
  public void delete(String id) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Per-question results in {@link io.augment.domain.evaluation.EvaluationRunRepository#results} order. */
  public List<QuestionResult> results(String id) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** At start-up: resumes every run a stop left QUEUED or RUNNING from its stored results. */
  public void recover() {
    throw new UnsupportedOperationException("not built yet");
  }
}
