package io.augment.application.ingest;

import io.augment.domain.model.Document;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import java.util.Map;

/**
 * One document to ingest, checked against every store limit ({@link Limits}) when built, so a
 * refused document never reaches the index or the database. Errors name the request fields
 * {@code id}, {@code title}, {@code mediaType}, {@code text}, {@code metadata} and {@code metadata.<key>}.
 *
 * @param documentId id to store it under, or null to derive one (from the title, else the content hash)
 * @param title      display title, or null to use the one found in the file
 * @param mediaType  how to parse {@code content}, e.g. {@code text/plain}, {@code application/pdf}
 * @param content    the raw bytes (UTF-8 for text types)
 * @param metadata   key/values copied onto every chunk
 */
public record IngestCommand(String documentId, String title, String mediaType, byte[] content, Map<String, String> metadata) {
  public IngestCommand {
    if (documentId != null) {
      Document.requireValidId(documentId);
    }
    Limits.atMost("title", title, Limits.TITLE);
    Limits.required("mediaType", mediaType, Limits.MEDIA_TYPE);
    if (content == null || content.length == 0) {
      throw new InvalidInputException("text", "must not be empty");
    }
    metadata = Limits.metadata(metadata);
  }

  public static IngestCommand text(String documentId, String title, String text, Map<String, String> metadata) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text", "must not be empty");
    }
    return new IngestCommand(documentId, title, "text/plain", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), metadata);
  }
}
