package io.augment.domain.evaluation;

import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import java.time.Instant;

/**
 * A named set of questions with reference answers, the yardstick of an {@link EvaluationRun}.
 *
 * @param name        unique; same rules as a knowledge base name ({@value #NAME_PATTERN})
 * @param description free text, at most {@link Limits#DESCRIPTION} characters, may be empty
 * @param questions   how many questions it holds, 1 to {@value #MAX_QUESTIONS}
 * @param createdAt   when it was stored
 */
public record EvaluationSet(String name, String description, int questions, Instant createdAt) {
  public static final String NAME_PATTERN = "[a-z0-9][a-z0-9_-]{0,62}";
  public static final int MAX_QUESTIONS = 10_000;

  /** {@code name} unless it breaks {@link #NAME_PATTERN}; the error names {@code field}. */
  public static String checkName(String field, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(field, "must not be empty");
    }
    if (!name.matches(NAME_PATTERN)) {
      throw new InvalidInputException(field, "must be 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
    }
    return name;
  }
}
