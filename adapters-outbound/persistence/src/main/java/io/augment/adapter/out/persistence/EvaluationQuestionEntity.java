package io.augment.adapter.out.persistence;

import io.augment.domain.evaluation.EvaluationQuestion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Row of {@code evaluation_question}: its position in the upload, answers and gold ids as {@link TextList}s. */
@Entity
@Table(name = "evaluation_question")
@IdClass(EvaluationQuestionKey.class)
class EvaluationQuestionEntity {

  @Id
  @Column(name = "set_name", length = 63)
  String setName;

  @Id
  @Column(name = "question_index")
  int index;

  @Column(nullable = false, length = 10_000)
  String question;

  @Column(nullable = false, length = 100_000)
  String answers;

  @Column(name = "document_ids", nullable = false, length = 10_000)
  String documentIds;

  static EvaluationQuestionEntity from(String setName, int index, EvaluationQuestion question) {
    EvaluationQuestionEntity entity = new EvaluationQuestionEntity();
    entity.setName = setName;
    entity.index = index;
    entity.question = question.question();
    entity.answers = TextList.encode(question.answers());
    entity.documentIds = TextList.encode(question.documentIds());
    return entity;
  }

  EvaluationQuestion toDomain() {
    return new EvaluationQuestion(question, TextList.decode(answers), TextList.decode(documentIds));
  }
}
