package io.augment.adapter.out.persistence;

import io.augment.domain.evaluation.EvaluationSet;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code evaluation_set}. */
@Entity
@Table(name = "evaluation_set")
class EvaluationSetEntity {

  @Id
  @Column(length = 63)
  String name;

  @Column(nullable = false, length = 10_000)
  String description;

  @Column(name = "question_count", nullable = false)
  int questionCount;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  static EvaluationSetEntity from(EvaluationSet set) {
    EvaluationSetEntity entity = new EvaluationSetEntity();
    entity.name = set.name();
    entity.description = set.description();
    entity.questionCount = set.questions();
    entity.createdAt = set.createdAt();
    return entity;
  }

  EvaluationSet toDomain() {
    return new EvaluationSet(name, description, questionCount, createdAt);
  }
}
