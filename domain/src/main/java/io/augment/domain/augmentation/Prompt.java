package io.augment.domain.augmentation;

import java.util.List;

/**
 * What a generator receives: instructions, the user's question and the numbered context it may
 * cite as {@code [n]}. {@link #userMessage()} is the rendered text for chat models; structured
 * fields serve generators that work on the sources directly (the extractive one).
 *
 * @param system      system instructions
 * @param question    the user's question, verbatim
 * @param context     the chunks that fit the token budget, in citation order
 * @param userMessage the question and the numbered context rendered as one message
 * @param tokenCount  estimated tokens of system + userMessage
 * @param dropped     retrieved chunks left out because the budget was exhausted
 */
public record Prompt(
    String system, String question, List<ContextChunk> context, String userMessage, int tokenCount, int dropped) {

  public Prompt {
    context = List.copyOf(context);
  }

  /** A prompt with no retrieved context (plain chat). */
  public static Prompt plain(String system, String question, int tokenCount) {
    return new Prompt(system == null ? "" : system, question, List.of(), question, tokenCount, 0);
  }

  /**
   * The plain text a base language model continues: the system instructions and a blank line (when
   * there are instructions), the user message (the question when there is none), stripped, and a
   * newline after which the answer follows. Training texts are built with it, so what a model is
   * trained on and what it is asked can never drift apart.
   */
  public String plainText() {
    String sys = system == null ? "" : system.strip();
    String message = userMessage == null ? question : userMessage;
    return (sys.isEmpty() ? "" : sys + "\n\n") + message.strip() + "\n";
  }
}
