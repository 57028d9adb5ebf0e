package io.augment.application.evaluation;

import io.augment.application.generation.Generators;
import io.augment.application.query.Answer;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.QueryCommand;
import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.retrieval.MetadataFilter;
import java.util.List;

/**
 * Puts one question to one contender, greedily (temperature 0): {@code rag:<kb>} through
 * {@link AnswerQuestion} read by the default generator, {@code rag:<kb>@<id>} by that generator,
 * {@code rag:<kb>+adapter:<name>} by the engine with the adapter applied; closed-book contenders
 * get {@link ClosedBook#prompt}.
 */
public final class ContenderAnswers {
  private final AnswerQuestion rag;
  private final Generators generators;

  public ContenderAnswers(AnswerQuestion rag, Generators generators) {
    this.rag = rag;
    this.generators = generators;
  }

  /** The answer, or a failed one carrying the error: one contender's failure never stops a run. */
  public ContenderAnswer answer(Contender contender, String question, int topK, int maxTokens) {
    long start = System.nanoTime();
    try {
      return ask(contender, question, topK, maxTokens);
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new ContenderAnswer(contender.label(), null, "", contender.rag(), List.of(), null, millis(start), reason);
    }
  }

  /** As {@link #answer}, but a failure is thrown (interactive comparisons report it as the error it is). */
  public ContenderAnswer ask(Contender contender, String question, int topK, int maxTokens) {
    long start = System.nanoTime();
    GenerationOptions options = new GenerationOptions(maxTokens, 0.0, 1.0, List.of(), contender.adapter());
    Generator reader = reader(contender);
    if (contender.rag()) {
      Answer a = rag.answer(new QueryCommand(contender.knowledgeBase(), question, topK, MetadataFilter.ALL, options,
          RetrievalOptions.DEFAULT), reader);
      return new ContenderAnswer(contender.label(), a.generator(), a.text(), true, a.citations(), a.usage(),
          millis(start), null);
    }
    Generation g = reader.generate(ClosedBook.prompt(question), options);
    return new ContenderAnswer(contender.label(), g.generator(), g.text(), false, List.of(), g.usage(), millis(start),
        null);
  }

  private Generator reader(Contender contender) {
    if (contender.adapter() != null) {
      return generators.adapterGenerator();
    }
    return contender.generator() != null ? generators.require(contender.generator()) : generators.defaultGenerator();
  }

  private static double millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
