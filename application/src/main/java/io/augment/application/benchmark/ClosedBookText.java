package io.augment.application.benchmark;

import io.augment.domain.augmentation.Prompt;
import java.util.List;

/** The closed-book prompt: user message {@code "Question: " + question}, no system text, no sources. */
final class ClosedBookText {
  private ClosedBookText() {}

  static Prompt prompt(String question) {
    String message = "Question: " + question;
    return new Prompt("", question, List.of(), message, message.length() / 4 + 1, 0);
  }
}
