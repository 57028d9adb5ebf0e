package io.augment.domain.adaptation;

import io.augment.domain.model.InvalidInputException;
import java.util.List;

/**
 * The bounds on a fine-tuning corpus, checked before a job is queued: at most {@value #MAX_TEXTS}
 * texts (pretraining on short examples needs tens of thousands), none null or blank, each at most
 * {@value #MAX_TEXT_CHARS} characters and all together at most {@value #MAX_TOTAL_CHARS}.
 */
public final class TrainingCorpus {
  public static final int MAX_TEXTS = 100_000;
  public static final int MAX_TEXT_CHARS = 1_000_000;
  public static final long MAX_TOTAL_CHARS = 20_000_000;

  private TrainingCorpus() {}

  /** Refuses {@code texts} naming {@code field} (or {@code field[i]} for one text) when a bound is broken. */
  public static void check(String field, List<String> texts) {
    if (texts == null) {
      throw new InvalidInputException(field, "is required");
    }
    if (texts.size() > MAX_TEXTS) {
      throw new InvalidInputException(field, "has " + texts.size() + " texts; at most " + MAX_TEXTS + " are allowed");
    }
    long total = 0;
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null) {
        throw new InvalidInputException(field + "[" + i + "]", "must be a text, not null");
      }
      if (text.isBlank()) {
        throw new InvalidInputException(field + "[" + i + "]", "must not be empty");
      }
      if (text.length() > MAX_TEXT_CHARS) {
        throw new InvalidInputException(field + "[" + i + "]", "has " + text.length() + " characters; at most "
            + MAX_TEXT_CHARS + " are allowed");
      }
      total += text.length();
    }
    if (total > MAX_TOTAL_CHARS) {
      throw new InvalidInputException(field, "has " + total + " characters in all; at most " + MAX_TOTAL_CHARS
          + " are allowed");
    }
  }
}
