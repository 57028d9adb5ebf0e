package io.augment.domain.augmentation;

/** Counts tokens of a text for budgeting; exactness depends on the implementation. */
@FunctionalInterface
public interface TokenCounter {
  int count(String text);

  /** About 4 characters per token, the usual rule of thumb for English BPE vocabularies. */
  TokenCounter APPROXIMATE = text -> (text.length() + 3) / 4;
}
