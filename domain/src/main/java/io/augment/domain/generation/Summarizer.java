package io.augment.domain.generation;

import java.util.List;

/**
 * Condenses a group of texts into one shorter text; the building block of whole-corpus summaries
 * (applied to groups of chunks, then to groups of partial summaries).
 *
 * <p>Contract: the result is built only from the given texts' content; an empty list gives an
 * empty string; {@code maxSentences} bounds the length. Implementations: {@code CentroidSummarizer}
 * (extractive, offline), {@code GeneratorSummarizer} (asks the configured LLM).
 */
public interface Summarizer {
  String id();

  /** True when the summary is made of sentences copied from the texts. */
  boolean extractive();

  String summarize(List<String> texts, int maxSentences);
}
