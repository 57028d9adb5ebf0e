package io.augment.domain.generation;

/** Tokens read and written by a generation, as the generator counts them. */
public record TokenUsage(int promptTokens, int completionTokens) {
  public int totalTokens() {
    return promptTokens + completionTokens;
  }
}
