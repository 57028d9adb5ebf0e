package io.augment.application.ingest;

import io.augment.domain.model.InvalidInputException;
import java.util.Map;
import java.util.Objects;

/**
 * One document to ingest.
 *
 * @param documentId id to store it under, or null to derive one (from the title, else the content hash)
 * @param title      display title, or null to use the one found in the file
 * @param mediaType  how to parse {@code content}, e.g. {@code text/plain}, {@code application/pdf}
 * @param content    the raw bytes (UTF-8 for text types)
 * @param metadata   key/values copied onto every chunk
 */
public record IngestCommand(String documentId, String title, String mediaType, byte[] content, Map<String, String> metadata) {
  public IngestCommand {
    Objects.requireNonNull(mediaType, "mediaType");
    if (content == null || content.length == 0) {
      throw new InvalidInputException("text", "must not be empty");
    }
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    metadata.keySet().forEach(IngestCommand::requireValidKey);
  }

  public static IngestCommand text(String documentId, String title, String text, Map<String, String> metadata) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text", "must not be empty");
    }
    return new IngestCommand(documentId, title, "text/plain", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), metadata);
  }

  private static void requireValidKey(String key) {
    if (key == null || !key.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new InvalidInputException("metadata", "keys must match [A-Za-z0-9_.-]{1,64}, got '" + key + "'");
    }
  }
}
