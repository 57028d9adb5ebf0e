package io.augment.application.augmentation;

import io.augment.domain.augmentation.ContextChunk;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.PromptAugmenter;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.List;

/** Renders sources as {@code [n] title} blocks followed by the question. */
public final class NumberedCitationAugmenter implements PromptAugmenter {
  public static final String SYSTEM = "You answer questions using only the numbered sources you are given. "
      + "Cite every statement with the number of its source in brackets, like [1]. "
      + "If the sources do not contain the answer, say that you do not know.";

  private final TokenCounter counter;

  public NumberedCitationAugmenter(TokenCounter counter) {
    this.counter = counter;
  }

  @Override
  public Prompt augment(String question, List<ScoredChunk> chunks, int tokenBudget) {
    String questionPart = "Question: " + question;
    int used = counter.count(SYSTEM) + counter.count("Sources:\n\n") + counter.count(questionPart);
    List<ContextChunk> context = new ArrayList<>();
    StringBuilder sources = new StringBuilder("Sources:\n\n");
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
}
