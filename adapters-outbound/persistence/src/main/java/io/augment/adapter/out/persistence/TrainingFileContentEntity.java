package io.augment.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code training_file_content}: a training file's bytes, kept apart so listing never reads them. */
@Entity
@Table(name = "training_file_content")
class TrainingFileContentEntity {

  @Id
  @Column(name = "file_id", length = 200)
  String fileId;

  @Column(nullable = false)
  byte[] content;

  static TrainingFileContentEntity of(String fileId, byte[] content) {
    TrainingFileContentEntity entity = new TrainingFileContentEntity();
    entity.fileId = fileId;
    entity.content = content.clone();
    return entity;
  }
}
