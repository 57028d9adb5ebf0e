package io.augment.adapter.out.persistence;

import io.augment.domain.evaluation.QuestionResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Row of {@code evaluation_result}: one contender's scored answer to one question. The sequence
 * records insertion order; (run, set, index, contender) is unique, and a replacement keeps the
 * sequence of the row it replaces.
 */
@Entity
@Table(name = "evaluation_result")
class EvaluationResultEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evaluation_result_seq")
  @SequenceGenerator(name = "evaluation_result_seq", sequenceName = "evaluation_result_seq", allocationSize = 50)
  Long sequence;

  @Column(name = "run_id", nullable = false, length = 200)
  String runId;

  @Column(name = "result_set", nullable = false, length = 16)
  String set;

  @Column(name = "question_index", nullable = false)
  int index;

  @Column(nullable = false, length = 300)
  String contender;

  @Column(nullable = false, length = 10_000)
  String question;

  @Column(nullable = false, length = 1_000_000)
  String answer;

  @Column(name = "exact_match", nullable = false)
  double exactMatch;

  @Column(nullable = false)
  double f1;

  @Column(name = "answer_contains", nullable = false)
  boolean contains;

  /** Document ids in rank order, a {@link TextList}. */
  @Column(nullable = false, length = 100_000)
  String retrieved;

  @Column(name = "recall_at_k")
  Double recallAtK;

  @Column(name = "reciprocal_rank")
  Double reciprocalRank;

  @Column(name = "cited_gold")
  Boolean citedGold;

  @Column(name = "latency_ms", nullable = false)
  double latencyMs;

  @Column(name = "tokens_in", nullable = false)
  int tokensIn;

  @Column(name = "tokens_out", nullable = false)
  int tokensOut;

  @Column(length = 100_000)
  String error;

  static EvaluationResultEntity from(String runId, QuestionResult result) {
    EvaluationResultEntity entity = new EvaluationResultEntity();
    entity.runId = runId;
    entity.set = result.set();
    entity.index = result.index();
    entity.contender = result.contender();
    entity.update(result);
    return entity;
  }

  /** Takes every field but the key from {@code result}. */
  void update(QuestionResult result) {
    question = result.question();
    answer = result.answer();
    exactMatch = result.exactMatch();
    f1 = result.f1();
    contains = result.contains();
    retrieved = TextList.encode(result.retrieved());
    recallAtK = result.recallAtK();
    reciprocalRank = result.reciprocalRank();
    citedGold = result.citedGold();
    latencyMs = result.latencyMs();
    tokensIn = result.tokensIn();
    tokensOut = result.tokensOut();
    error = result.error();
  }

  boolean sameQuestionAndContender(QuestionResult result) {
    return set.equals(result.set()) && index == result.index() && contender.equals(result.contender());
  }

  QuestionResult toDomain() {
    return new QuestionResult(set, index, contender, question, answer, exactMatch, f1, contains,
        TextList.decode(retrieved), recallAtK, reciprocalRank, citedGold, latencyMs, tokensIn, tokensOut, error);
  }
}
