package io.augment.domain.evaluation;

import io.augment.domain.model.Document;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import java.util.List;

/**
 * One question of an {@link EvaluationSet}, with the answers that count as right and, optionally,
 * the ids of the documents that hold the answer (for retrieval recall and citation checks).
 *
 * @param question    the question, at most {@link Limits#QUESTION} characters, visible text
 * @param answers     1 to {@value #MAX_ANSWERS} reference answers, each non-blank and at most {@value #MAX_ANSWER_CHARS} characters
 * @param documentIds 0 to {@value #MAX_DOCUMENT_IDS} document ids (same rules as {@link Document#ID_PATTERN}); never null
 */
public record EvaluationQuestion(String question, List<String> answers, List<String> documentIds) {
  public static final int MAX_ANSWERS = 32;
  public static final int MAX_ANSWER_CHARS = 2_000;
  public static final int MAX_DOCUMENT_IDS = 32;

  /**
   * Checks every field; errors name {@code prefix + field}, e.g. {@code line 3: answers[1]} (a
   * JSONL upload passes {@code "line 3: "}), so a refusal points at the request's own line.
   */
  public EvaluationQuestion {
    answers = answers == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(answers));
    documentIds = documentIds == null ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(documentIds));
  }

  /** This question, or an {@link InvalidInputException} naming {@code prefix + field} for the first broken rule. */
  public EvaluationQuestion validated(String prefix) {
    String p = prefix == null ? "" : prefix;
    Limits.required(p + "question", question, Limits.QUESTION);
    Limits.visible(p + "question", question, "the question");
    if (answers == null || answers.isEmpty()) {
      throw new InvalidInputException(p + "answers", "must list at least one reference answer");
    }
    if (answers.size() > MAX_ANSWERS) {
      throw new InvalidInputException(p + "answers", "has " + answers.size() + " answers; at most " + MAX_ANSWERS);
    }
    for (int i = 0; i < answers.size(); i++) {
      String field = p + "answers[" + i + "]";
      String a = answers.get(i);
      if (a == null) {
        throw new InvalidInputException(field, "must be a text, not null");
      }
      Limits.required(field, a, MAX_ANSWER_CHARS);
      Limits.visible(field, a, "the answer");
    }
    if (documentIds.size() > MAX_DOCUMENT_IDS) {
      throw new InvalidInputException(p + "documentIds", "has " + documentIds.size() + " ids; at most " + MAX_DOCUMENT_IDS);
    }
    for (int i = 0; i < documentIds.size(); i++) {
      String field = p + "documentIds[" + i + "]";
      String id = documentIds.get(i);
      if (id == null) {
        throw new InvalidInputException(field, "must be a text, not null");
      }
      Limits.required(field, id, Limits.DOCUMENT_ID);
      if (!id.matches(Document.ID_PATTERN)) {
        throw new InvalidInputException(field, "is not a valid document id");
      }
    }
    return this;
  }
}
