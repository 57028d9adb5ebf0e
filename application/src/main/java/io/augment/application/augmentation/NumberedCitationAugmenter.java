package io.augment.application.augmentation;

import io.augment.domain.augmentation.ContextChunk;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.PromptAugmenter;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.model.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders sources as {@code [n] title} blocks followed by the question, and reads such a message
 * back ({@link #parse}) when another Augment instance sends it over the OpenAI-compatible API.
 */
public final class NumberedCitationAugmenter implements PromptAugmenter {
  public static final String SYSTEM = "You answer questions using only the numbered sources you are given. "
      + "Cite every statement with the number of its source in brackets, like [1]. "
      + "If the sources do not contain the answer, say that you do not know.";

  private static final String SOURCES = "Sources:\n\n";
  private static final String QUESTION = "Question: ";

  private final TokenCounter counter;

  public NumberedCitationAugmenter(TokenCounter counter) {
    this.counter = counter;
  }

  @Override
  public Prompt augment(String question, List<ScoredChunk> chunks, int tokenBudget) {
    String questionPart = QUESTION + question;
    int used = counter.count(SYSTEM) + counter.count(SOURCES) + counter.count(questionPart);
    List<ContextChunk> context = new ArrayList<>();
    StringBuilder sources = new StringBuilder(SOURCES);
    int dropped = 0;
    for (ScoredChunk chunk : chunks) {
      String block = "[" + (context.size() + 1) + "] " + chunk.chunk().title() + "\n" + chunk.chunk().text() + "\n\n";
      int cost = counter.count(block);
      if (used + cost > tokenBudget) {
        dropped++;
        continue;
      }
      used += cost;
      context.add(new ContextChunk(context.size() + 1, chunk));
      sources.append(block);
    }
    String user = context.isEmpty() ? questionPart : sources + questionPart;
    return new Prompt(SYSTEM, question, context, user, used, dropped);
  }

  /**
   * The prompt {@link #augment} rendered as {@code userMessage}, with its numbered sources back as
   * context (chunk ids {@code source-n}, score 0), or empty when the message is not in that form.
   */
  public static Optional<Prompt> parse(String system, String userMessage, TokenCounter counter) {
    if (userMessage == null || !userMessage.startsWith(SOURCES)) {
      return Optional.empty();
    }
    int questionAt = userMessage.lastIndexOf("\n\n" + QUESTION);
    if (questionAt < 0) {
      return Optional.empty();
    }
    String question = userMessage.substring(questionAt + 2 + QUESTION.length()).strip();
    String body = userMessage.substring(SOURCES.length(), questionAt + 2);
    List<ContextChunk> context = new ArrayList<>();
    int at = 0;
    while (at < body.length()) {
      String marker = "[" + (context.size() + 1) + "] ";
      if (!body.startsWith(marker, at)) {
        return Optional.empty();
      }
      int next = body.indexOf("\n\n[" + (context.size() + 2) + "] ", at);
      int end = next < 0 ? body.length() : next + 2;
      String block = body.substring(at + marker.length(), end).strip();
      int newline = block.indexOf('\n');
      String title = newline < 0 ? "" : block.substring(0, newline);
      String text = newline < 0 ? block : block.substring(newline + 1);
      int n = context.size() + 1;
      Chunk chunk = new Chunk(Chunk.idOf("source-" + n, 0), "source-" + n, 0, title, text, counter.count(text), null);
      context.add(new ContextChunk(n, new ScoredChunk(chunk, 0)));
      at = end;
    }
    if (context.isEmpty() || question.isEmpty()) {
      return Optional.empty();
    }
    String sys = system == null ? "" : system;
    return Optional.of(new Prompt(sys, question, context, userMessage,
        counter.count(sys) + counter.count(userMessage), 0));
  }
}
