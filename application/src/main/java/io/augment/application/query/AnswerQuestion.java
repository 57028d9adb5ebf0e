package io.augment.application.query;

import io.augment.domain.augmentation.ContextChunk;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.PromptAugmenter;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;
import io.augment.domain.model.Chunk;
import java.util.List;

/** RAG: retrieve, augment, generate, and answer with citations and per-step timings. */
public final class AnswerQuestion {
  private final SearchKnowledgeBase search;
  private final PromptAugmenter augmenter;
  private final Generator generator;
  private final int promptTokenBudget;

  public AnswerQuestion(SearchKnowledgeBase search, PromptAugmenter augmenter, Generator generator, int promptTokenBudget) {
    this.search = search;
    this.augmenter = augmenter;
    this.generator = generator;
    this.promptTokenBudget = promptTokenBudget;
  }

  public Answer answer(QueryCommand command) {
    return answer(command, generator);
  }

  /** As {@link #answer(QueryCommand)}, read by {@code reader} instead of the configured generator (evaluations). */
  public Answer answer(QueryCommand command, Generator reader) {
    long start = System.nanoTime();
    SearchResult found = search.search(command);
    long t0 = System.nanoTime();
    Prompt prompt = augment(command, found, reader);
    long t1 = System.nanoTime();
    Generation generation = reader.generate(prompt, command.options());
    long t2 = System.nanoTime();
    return answer(command, prompt, generation, found, start, t0, t1, t2);
  }

  /**
   * The prompt over the retrieved chunks within the token budget, with its lowest-ranked sources
   * dropped while it does not fit the reader's context window (a model cuts an overlong prompt at
   * its start, which would lose the instructions and the best sources); at least one source stays.
   */
  private Prompt augment(QueryCommand command, SearchResult found, Generator reader) {
    List<io.augment.domain.retrieval.ScoredChunk> chunks = found.chunks();
    Prompt prompt = augmenter.augment(command.text(), chunks, promptTokenBudget);
    int fitted = prompt.context().size();
    int kept = fitted;
    while (kept > 1 && !reader.fits(prompt, command.options())) {
      kept--;
      prompt = augmenter.augment(command.text(), chunks.subList(0, kept), promptTokenBudget);
    }
    return kept == fitted ? prompt : new Prompt(prompt.system(), prompt.question(), prompt.context(),
        prompt.userMessage(), prompt.tokenCount(), chunks.size() - prompt.context().size());
  }

  /**
   * Refuses a command {@link #answer} or {@link #stream} would refuse before retrieving (unknown
   * knowledge base, unavailable retrieval mode), so a stream can answer it as the plain call does.
   */
  public void check(QueryCommand command) {
    search.check(command);
  }

  /** Streams the answer; the sink gets the sources before any text. */
  public void stream(QueryCommand command, AnswerSink sink) {
    long start = System.nanoTime();
    SearchResult found;
    Prompt prompt;
    long t0;
    long t1;
    try {
      found = search.search(command);
      t0 = System.nanoTime();
      prompt = augment(command, found, generator);
      t1 = System.nanoTime();
    } catch (RuntimeException e) {
      sink.error(e);
      return;
    }
    sink.sources(citations(prompt, ""));
    generator.stream(prompt, command.options(), new TokenSink() {
      @Override
      public void token(String piece) {
        sink.token(piece);
      }

      @Override
      public void complete(Generation generation) {
        sink.complete(answer(command, prompt, generation, found, start, t0, t1, System.nanoTime()));
      }

      @Override
      public void error(Throwable error) {
        sink.error(error);
      }
    });
  }

  public String generatorId() {
    return generator.id();
  }

  private Answer answer(
      QueryCommand command, Prompt prompt, Generation generation, SearchResult found,
      long start, long t0, long t1, long t2) {
    Timings timings = new Timings(found.embedMs(), found.searchMs(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - start) / 1e6);
    return new Answer(command.text(), generation.text(), citations(prompt, generation.text()), generation.generator(),
        generation.extractive(), generation.usage(), timings);
  }

  private static List<Citation> citations(Prompt prompt, String answerText) {
    return prompt.context().stream().map(c -> citation(c, answerText)).toList();
  }

  private static Citation citation(ContextChunk context, String answerText) {
    Chunk chunk = context.source().chunk();
    boolean cited = answerText.contains("[" + context.number() + "]");
    return new Citation(context.number(), chunk.documentId(), chunk.id(), chunk.title(), context.source().score(),
        chunk.text(), cited);
  }
}
