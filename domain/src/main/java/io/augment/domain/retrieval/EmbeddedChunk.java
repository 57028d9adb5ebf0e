package io.augment.domain.retrieval;

import io.augment.domain.model.Chunk;
import java.util.Objects;

/** A chunk with its embedding, as written to a {@link VectorIndex}. */
public record EmbeddedChunk(Chunk chunk, float[] vector) {
  public EmbeddedChunk {
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(vector, "vector");
  }
}
