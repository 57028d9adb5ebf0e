package io.augment.application.query;

import io.augment.application.generation.Generators;
import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.TokenUsage;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.MetadataFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One question put to RAG over a knowledge base and to fine-tuned models or adapters, answers side by
 * side with what each cost: the brief's three ways compared on the same data.
 */
public final class CompareAnswers {
  /** At most this many models besides RAG per comparison. */
  public static final int MAX_MODELS = 8;

  private final AnswerQuestion rag;
  private final Generators generators;

  public CompareAnswers(AnswerQuestion rag, Generators generators) {
    this.rag = rag;
    this.generators = generators;
  }

  /**
   * @param model     {@code rag:<kb>} or {@code adapter:<name>}
   * @param citations the sources RAG cited; empty for fine-tuned models, which answer from their weights
   */
  public record Contender(
      String model, String generator, String text, List<Citation> citations, TokenUsage usage, double millis) {}

  /** Answers from RAG first, then from each named model or adapter in order. */
  public List<Contender> compare(String knowledgeBase, String question, List<String> adapters, int topK, int maxTokens) {
    if (question == null || question.isBlank()) {
      throw new InvalidInputException("question", "is required");
    }
    if (adapters != null && adapters.stream().anyMatch(name -> name == null || name.isBlank())) {
      throw new InvalidInputException("adapters", "names must not be blank");
    }
    List<String> names = adapters == null ? List.of() : List.copyOf(new LinkedHashSet<>(adapters));
    if (names.size() > MAX_MODELS) {
      throw new InvalidInputException("adapters", "at most " + MAX_MODELS + " per comparison, got " + names.size());
    }
    if (!names.isEmpty() && !generators.appliesAdapters()) {
      throw new InvalidInputException("adapters", "fine-tuned models are served by the local engine, which is switched off "
          + "(augment.engine.enabled=false)");
    }
    GenerationOptions options = new GenerationOptions(maxTokens, 0.0, 1.0, List.of(), null);
    List<Contender> out = new ArrayList<>();
    long start = System.nanoTime();
    Answer answer = rag.answer(new QueryCommand(knowledgeBase, question, topK, MetadataFilter.ALL, options,
        RetrievalOptions.DEFAULT));
    out.add(new Contender("rag:" + knowledgeBase, answer.generator(), answer.text(), answer.citations(), answer.usage(),
        millis(start)));
    Prompt prompt = Prompt.plain("", question, TokenCounter.APPROXIMATE.count(question));
    for (String name : names) {
      long began = System.nanoTime();
      Generation g = generators.adapterGenerator().generate(prompt,
          new GenerationOptions(maxTokens, 0.0, 1.0, List.of(), name));
      out.add(new Contender("adapter:" + name, g.generator(), g.text(), List.of(), g.usage(), millis(began)));
    }
    return out;
  }

  private static double millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
