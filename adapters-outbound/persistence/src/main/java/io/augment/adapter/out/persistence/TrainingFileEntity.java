package io.augment.adapter.out.persistence;

import io.augment.domain.adaptation.TrainingFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code training_file}: the record only; the content is {@link TrainingFileContentEntity}. */
@Entity
@Table(name = "training_file")
class TrainingFileEntity {

  @Id
  @Column(length = 200)
  String id;

  @Column(nullable = false, length = 1_000)
  String filename;

  @Column(nullable = false, length = 32)
  String purpose;

  @Column(name = "size_bytes", nullable = false)
  long bytes;

  @Column(name = "example_count", nullable = false)
  int examples;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  static TrainingFileEntity from(TrainingFile file) {
    TrainingFileEntity entity = new TrainingFileEntity();
    entity.id = Bounded.checked("id", file.id(), 200);
    entity.filename = Bounded.checked("filename", file.filename(), 1_000);
    entity.purpose = Bounded.checked("purpose", file.purpose(), 32);
    entity.bytes = file.bytes();
    entity.examples = file.examples();
    entity.createdAt = file.createdAt();
    return entity;
  }

  TrainingFile toDomain() {
    return new TrainingFile(id, filename, purpose, bytes, examples, createdAt);
  }
}
