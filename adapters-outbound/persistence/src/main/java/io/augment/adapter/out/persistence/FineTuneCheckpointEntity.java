package io.augment.adapter.out.persistence;

import io.augment.domain.adaptation.FineTuneCheckpoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code fine_tune_checkpoint}: one kept checkpoint of a job. */
@Entity
@Table(name = "fine_tune_checkpoint")
@IdClass(FineTuneCheckpointKey.class)
class FineTuneCheckpointEntity {

  @Id
  @Column(name = "job_id", length = 200)
  String jobId;

  @Id
  @Column(name = "checkpoint_id", length = 200)
  String checkpointId;

  @Column(nullable = false)
  int step;

  @Column(name = "train_loss", nullable = false)
  double trainLoss;

  @Column(name = "validation_loss")
  Double validationLoss;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  static FineTuneCheckpointEntity from(String jobId, FineTuneCheckpoint checkpoint) {
    FineTuneCheckpointEntity entity = new FineTuneCheckpointEntity();
    entity.jobId = jobId;
    entity.checkpointId = Bounded.checked("checkpoint.id", checkpoint.id(), 200);
    entity.step = checkpoint.step();
    entity.trainLoss = checkpoint.trainLoss();
    entity.validationLoss = checkpoint.validationLoss();
    entity.createdAt = checkpoint.createdAt();
    return entity;
  }

  FineTuneCheckpoint toDomain() {
    return new FineTuneCheckpoint(checkpointId, step, trainLoss, validationLoss, createdAt);
  }
}
