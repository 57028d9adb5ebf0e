package io.augment.domain.model;

/**
 * How documents are cut into chunks, in tokens of the knowledge base's embedding model. Errors name
 * the request fields {@code chunkSizeTokens} and {@code chunkOverlapTokens}.
 *
 * @param chunkSizeTokens most tokens in one chunk (also capped by the embedding model's input limit)
 * @param overlapTokens   tokens a chunk repeats from the end of the previous one
 */
public record ChunkingSettings(int chunkSizeTokens, int overlapTokens) {
  public static final ChunkingSettings DEFAULT = new ChunkingSettings(200, 30);

  public ChunkingSettings {
    if (chunkSizeTokens < 16) {
      throw new InvalidInputException("chunkSizeTokens", "must be at least 16");
    }
    if (overlapTokens < 0 || overlapTokens >= chunkSizeTokens / 2) {
      throw new InvalidInputException("chunkOverlapTokens", "must be >= 0 and less than half of chunkSizeTokens");
    }
  }
}
