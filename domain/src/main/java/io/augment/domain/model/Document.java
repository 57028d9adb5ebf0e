package io.augment.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A source document of a knowledge base, as stored after ingest.
 *
 * @param knowledgeBase the knowledge base's name
 * @param id            unique within the knowledge base ({@link #ID_PATTERN}; letters, digits and ._:@~(),- ; never "/" or "#")
 * @param title         display title used in citations
 * @param mediaType     the type it was parsed as, e.g. {@code text/markdown}
 * @param contentHash   SHA-256 of the extracted text, title and metadata; equal hash means unchanged
 * @param metadata      string key/values copied onto every chunk, filterable at search time
 * @param chunkCount    number of chunks it was cut into
 * @param tokenCount    total tokens over its chunks
 * @param ingestedAt    when this version was stored
 */
public record Document(
    String knowledgeBase,
    String id,
    String title,
    String mediaType,
    String contentHash,
    Map<String, String> metadata,
    int chunkCount,
    long tokenCount,
    Instant ingestedAt) {

  public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@~(),-]{0,199}";

  public Document {
    Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    requireValidId(id);
    title = title == null || title.isBlank() ? id : title;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(ingestedAt, "ingestedAt");
  }

  /** @throws InvalidInputException naming {@code id} unless {@code id} matches {@link #ID_PATTERN} */
  public static void requireValidId(String id) {
    if (id == null || id.isEmpty()) {
      throw new InvalidInputException("id", "must not be empty");
    }
    if (id.length() > Limits.DOCUMENT_ID) {
      throw new InvalidInputException("id", "must be at most " + Limits.DOCUMENT_ID + " characters, got " + id.length());
    }
    if (!id.matches(ID_PATTERN)) {
      throw new InvalidInputException("id", "must start with a letter or digit and hold only letters, digits and ._:@~(),-");
    }
  }
}
