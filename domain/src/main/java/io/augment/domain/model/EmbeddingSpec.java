package io.augment.domain.model;

/**
 * Identifies the embedding model a knowledge base's vectors come from.
 *
 * @param modelId        the model's identifier, e.g. {@code all-minilm-l6-v2}
 * @param dimension      length of every vector
 * @param maxInputTokens the most tokens the model reads from one text; it ignores the rest
 */
public record EmbeddingSpec(String modelId, int dimension, int maxInputTokens) {
  public EmbeddingSpec {
    if (modelId == null || modelId.isBlank()) {
      throw new InvalidInputException("embedding.modelId", "must not be blank");
    }
    if (dimension <= 0) {
      throw new InvalidInputException("embedding.dimension", "must be positive");
    }
    if (maxInputTokens <= 0) {
      throw new InvalidInputException("embedding.maxInputTokens", "must be positive");
    }
  }
}
