package io.augment.application.query;

import io.augment.application.evaluation.ContenderAnswer;
import io.augment.application.evaluation.ContenderAnswers;
import io.augment.application.evaluation.ContenderCheck;
import io.augment.application.generation.Generators;
import io.augment.domain.generation.TokenUsage;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One question put to RAG over a knowledge base and to fine-tuned models or adapters, answers side by
 * side with what each cost: the brief's three ways compared on the same data. Answers come from
 * {@link ContenderAnswers}, as in an evaluation run, so a comparison shows what a run scores.
 */
public final class CompareAnswers {
  /** At most this many models besides RAG per comparison. */
  public static final int MAX_MODELS = 8;
  /** At most this many contenders in {@link #compareContenders}: RAG and {@value #MAX_MODELS} models. */
  public static final int MAX_CONTENDERS = MAX_MODELS + 1;

  private final ContenderAnswers answers;
  private final Generators generators;
  private final ContenderCheck check;

  /** Unknown contenders are refused when asked (404 without the field's name). */
  public CompareAnswers(AnswerQuestion rag, Generators generators) {
    this(rag, generators, null);
  }

  /** @param check refuses unknown knowledge bases, models and generators up front, naming {@code contenders[i]} */
  public CompareAnswers(AnswerQuestion rag, Generators generators, ContenderCheck check) {
    this.answers = new ContenderAnswers(rag, generators);
    this.generators = generators;
    this.check = check;
  }

  /**
   * @param model     the contender, e.g. {@code rag:<kb>} or {@code adapter:<name>}
   * @param citations the sources RAG cited; empty for fine-tuned models, which answer from their weights
   */
  public record Contender(
      String model, String generator, String text, List<Citation> citations, TokenUsage usage, double millis) {}

  /** Answers from RAG first, then from each named model or adapter in order (closed book). */
  public List<Contender> compare(String knowledgeBase, String question, List<String> adapters, int topK, int maxTokens) {
    if (question == null || question.isBlank()) {
      throw new InvalidInputException("question", "is required");
    }
    if (knowledgeBase == null || knowledgeBase.isBlank()) {
      throw new InvalidInputException("knowledgeBase", "is required");
    }
    if (adapters != null && adapters.stream().anyMatch(name -> name == null || name.isBlank())) {
      throw new InvalidInputException("adapters", "names must not be blank");
    }
    List<String> names = adapters == null ? List.of() : List.copyOf(new LinkedHashSet<>(adapters));
    if (names.size() > MAX_MODELS) {
      throw new InvalidInputException("adapters", "at most " + MAX_MODELS + " per comparison, got " + names.size());
    }
    if (!names.isEmpty() && !generators.appliesAdapters()) {
      throw new InvalidInputException("adapters", ContenderCheck.ENGINE_OFF);
    }
    List<io.augment.domain.evaluation.Contender> contenders = new ArrayList<>();
    contenders.add(new io.augment.domain.evaluation.Contender(knowledgeBase, null, null));
    names.forEach(name -> contenders.add(new io.augment.domain.evaluation.Contender(null, name, null)));
    return ask(question, contenders, topK, maxTokens);
  }

  /**
   * Answers from each contender in order ({@code rag:<kb>}, {@code rag:<kb>@<generator>},
   * {@code rag:<kb>+adapter:<name>}, {@code adapter:<name>}, {@code generator:<id>}), greedily; a
   * contender given twice answers once. Errors name {@code contenders[i]}.
   */
  public List<Contender> compareContenders(String question, List<String> contenders, int topK, int maxTokens) {
    Limits.required("question", question, Limits.QUESTION);
    if (contenders == null || contenders.isEmpty()) {
      throw new InvalidInputException("contenders", "must name at least one contender");
    }
    if (contenders.size() > MAX_CONTENDERS) {
      throw new InvalidInputException("contenders", "at most " + MAX_CONTENDERS + " per comparison, got " + contenders.size());
    }
    LinkedHashSet<io.augment.domain.evaluation.Contender> parsed = new LinkedHashSet<>();
    for (int i = 0; i < contenders.size(); i++) {
      String field = "contenders[" + i + "]";
      io.augment.domain.evaluation.Contender c = io.augment.domain.evaluation.Contender.parse(field, contenders.get(i));
      if (c.adapter() != null && !generators.appliesAdapters()) {
        throw new InvalidInputException(field, ContenderCheck.ENGINE_OFF);
      }
      parsed.add(check == null ? c : check.check(field, c));
    }
    return ask(question, List.copyOf(parsed), topK, maxTokens);
  }

  private List<Contender> ask(String question, List<io.augment.domain.evaluation.Contender> contenders, int topK, int maxTokens) {
    List<Contender> out = new ArrayList<>();
    for (io.augment.domain.evaluation.Contender c : contenders) {
      ContenderAnswer a = answers.ask(c, question, topK, maxTokens);
      out.add(new Contender(c.label(), a.generator(), a.text(), a.citations(), a.usage(), a.latencyMs()));
    }
    return out;
  }
}
