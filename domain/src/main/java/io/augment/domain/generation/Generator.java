package io.augment.domain.generation;

import io.augment.domain.augmentation.Prompt;

/**
 * Produces an answer from a prompt.
 *
 * <p>Contract: {@link #stream} delivers the same text as {@link #generate} would, split in pieces,
 * then calls {@link TokenSink#complete} exactly once, or {@link TokenSink#error} once on failure.
 * Failures of a remote model are {@link io.augment.domain.model.BackendUnavailableException}.
 *
 * <p>Implementations: {@code ExtractiveGenerator} (offline default), LangChain4j chat providers, the
 * local DJL engine.
 */
public interface Generator {

  /** Identifier reported in answers, e.g. {@code extractive} or {@code openai:gpt-4o-mini}. */
  String id();

  Generation generate(Prompt prompt, GenerationOptions options);

  /**
   * Whether this generator writes free text (an LLM) rather than copying from its sources. Query
   * expansion (HyDE, multi-query rewriting) needs free text and is skipped otherwise.
   */
  default boolean generative() {
    return true;
  }

  /**
   * Whether {@code prompt} and {@code options.maxTokens()} generated tokens fit the context window
   * of the model that would answer. A prompt that does not is cut at its start, so it loses its
   * instructions and its best-ranked sources first; RAG drops its lowest-ranked sources instead
   * until the prompt fits. True where no fixed window is known here (remote models, extractive).
   */
  default boolean fits(Prompt prompt, GenerationOptions options) {
    return true;
  }

  /** Streams the generation; the default emits {@link #generate}'s text as one piece. */
  default void stream(Prompt prompt, GenerationOptions options, TokenSink sink) {
    Generation generation;
    try {
      generation = generate(prompt, options);
    } catch (RuntimeException e) {
      sink.error(e);
      return;
    }
    sink.token(generation.text());
    sink.complete(generation);
  }
}
