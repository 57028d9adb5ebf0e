package io.augment.adapter.out.persistence;

import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Row of {@code evaluation_run}: spec, status and progress in columns; contenders and contender
 * results as nested {@link TextList}s ({@link RunColumns}), rewritten whole on every save.
 */
@Entity
@Table(name = "evaluation_run")
class EvaluationRunEntity {

  @Id
  @Column(length = 200)
  String id;

  @Column(name = "evaluation_set", nullable = false, length = 63)
  String evaluationSet;

  @Column(name = "control_set", length = 63)
  String controlSet;

  @Column(nullable = false, length = 20_000)
  String contenders;

  @Column(name = "top_k", nullable = false)
  int topK;

  @Column(name = "max_tokens", nullable = false)
  int maxTokens;

  @Column(nullable = false, length = 16)
  String status;

  @Embedded
  ProgressColumns progress;

  @Column(nullable = false, length = 1_000_000)
  String results;

  @Column(length = 100_000)
  String error;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "finished_at")
  Instant finishedAt;

  static EvaluationRunEntity from(EvaluationRun run) {
    EvaluationRunEntity entity = new EvaluationRunEntity();
    entity.id = run.id();
    entity.evaluationSet = run.spec().evaluationSet();
    entity.controlSet = run.spec().controlSet();
    entity.contenders = RunColumns.contenders(run.spec().contenders());
    entity.topK = run.spec().topK();
    entity.maxTokens = run.spec().maxTokens();
    entity.status = run.status().name();
    entity.progress = ProgressColumns.of(run.progress());
    entity.results = RunColumns.results(run.results());
    entity.error = run.error();
    entity.createdAt = run.createdAt();
    entity.finishedAt = run.finishedAt();
    return entity;
  }

  EvaluationRun toDomain() {
    EvaluationRunSpec spec = new EvaluationRunSpec(
        evaluationSet, controlSet, RunColumns.contenders(contenders), topK, maxTokens);
    Progress progress = this.progress.toProgress();
    return new EvaluationRun(
        id, spec, JobStatus.valueOf(status), progress, RunColumns.results(results), error, createdAt, finishedAt);
  }
}
