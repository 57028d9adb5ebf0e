package io.augment.adapter.out.persistence;

import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuneEvent.StepMetrics;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code fine_tune_event}; the step columns are null for an event without metrics. */
@Entity
@Table(name = "fine_tune_event")
@IdClass(FineTuneEventKey.class)
class FineTuneEventEntity {
  static final int MAX_MESSAGE = 10_000;

  @Id
  @Column(name = "job_id", length = 200)
  String jobId;

  @Id
  long seq;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(nullable = false, length = 8)
  String level;

  @Column(nullable = false, length = MAX_MESSAGE)
  String message;

  Integer step;

  @Column(name = "step_total")
  Integer totalSteps;

  @Column(name = "step_train_loss")
  Double trainLoss;

  @Column(name = "step_validation_loss")
  Double validationLoss;

  @Column(name = "step_tokens_per_second")
  Double tokensPerSecond;

  @Column(name = "step_eta_seconds")
  Long etaSeconds;

  static FineTuneEventEntity from(String jobId, FineTuneEvent event) {
    FineTuneEventEntity entity = new FineTuneEventEntity();
    entity.jobId = jobId;
    entity.seq = event.seq();
    entity.update(event);
    return entity;
  }

  /** Takes every field but the key from {@code event}. */
  void update(FineTuneEvent event) {
    createdAt = event.createdAt();
    level = event.level().name();
    message = Bounded.cut(event.message(), MAX_MESSAGE);
    StepMetrics m = event.metrics();
    step = m == null ? null : m.step();
    totalSteps = m == null ? null : m.totalSteps();
    trainLoss = m == null ? null : m.trainLoss();
    validationLoss = m == null ? null : m.validationLoss();
    tokensPerSecond = m == null ? null : m.tokensPerSecond();
    etaSeconds = m == null ? null : m.etaSeconds();
  }

  FineTuneEvent toDomain() {
    StepMetrics metrics = step == null ? null
        : new StepMetrics(step, totalSteps, trainLoss, validationLoss, tokensPerSecond, etaSeconds);
    return new FineTuneEvent(seq, createdAt, FineTuneEvent.Level.valueOf(level), message, metrics);
  }
}
