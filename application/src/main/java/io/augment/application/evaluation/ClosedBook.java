package io.augment.application.evaluation;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.TokenCounter;
import java.util.List;

/**
 * The one prompt a closed-book contender (a trained model or a generator alone) is asked: no system
 * text and the user message {@code Question: <question>}, the same last line the RAG prompt
 * ({@code NumberedCitationAugmenter}) ends with. Models trained for the benchmark are trained on
 * exactly this format, so change it only together with them.
 */
public final class ClosedBook {
  /** The system instructions: none, so a small trained model sees only what it was trained on. */
  public static final String SYSTEM = "";
  /** What precedes the question in the user message. */
  public static final String QUESTION = "Question: ";

  private ClosedBook() {}

  /** The user message for {@code question}: {@code "Question: " + question}. */
  public static String userMessage(String question) {
    return QUESTION + question;
  }

  /** The prompt for {@code question}, with no context. */
  public static Prompt prompt(String question) {
    String user = userMessage(question);
    return new Prompt(SYSTEM, question, List.of(), user, TokenCounter.APPROXIMATE.count(user), 0);
  }
}
