package io.augment.domain.testing;

import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.EmbeddedChunk;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds chunks with plausible defaults; tests set only the fields they look at. */
public final class Chunks {
  private Chunks() {}

  public static Builder chunk(String documentId, int index) {
    return new Builder(documentId, index);
  }

  public static EmbeddedChunk embedded(String documentId, int index, float[] vector) {
    return chunk(documentId, index).embedded(vector);
  }

  /** Defaults: title "Title of {documentId}", text "Text of {id}", 3 tokens, no metadata. */
  public static final class Builder {
    private final String documentId;
    private final int index;
    private String title;
    private String text;
    private int tokenCount = 3;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder(String documentId, int index) {
      this.documentId = documentId;
      this.index = index;
      this.title = "Title of " + documentId;
      this.text = "Text of " + Chunk.idOf(documentId, index);
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder tokenCount(int tokenCount) {
      this.tokenCount = tokenCount;
      return this;
    }

    public Builder meta(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    public Chunk build() {
      return new Chunk(Chunk.idOf(documentId, index), documentId, index, title, text, tokenCount, metadata);
    }

    public EmbeddedChunk embedded(float[] vector) {
      return new EmbeddedChunk(build(), vector);
    }
  }
}
