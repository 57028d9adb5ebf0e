package io.augment.domain.model;

import java.util.Map;
import java.util.Objects;

/**
 * A piece of a document small enough for the embedding model to read whole.
 *
 * @param id         {@code documentId#index}, unique within the knowledge base
 * @param documentId the owning document
 * @param index      position in the document, from 0
 * @param title      the document's title, carried for citations
 * @param text       the chunk's text
 * @param tokenCount tokens of {@code text} under the knowledge base's embedding model
 * @param metadata   the document's metadata
 */
public record Chunk(
    String id, String documentId, int index, String title, String text, int tokenCount, Map<String, String> metadata) {

  public Chunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(text, "text");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  public static String idOf(String documentId, int index) {
    return documentId + "#" + index;
  }
}
