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
  /** The longest input of common embedding models (OpenAI's); the knowledge base's model caps it further. */
  public static final int MAX_CHUNK_TOKENS = 8192;

  public ChunkingSettings {
    if (chunkSizeTokens < 16 || chunkSizeTokens > MAX_CHUNK_TOKENS) {
      throw new InvalidInputException("chunkSizeTokens", "must be between 16 and " + MAX_CHUNK_TOKENS);
    }
    if (overlapTokens < 0 || overlapTokens >= chunkSizeTokens / 2) {
      throw new InvalidInputException("chunkOverlapTokens", "must be >= 0 and less than half of chunkSizeTokens");
    }
  }
}
