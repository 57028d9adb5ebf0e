package io.augment.application.ingest;

import io.augment.domain.model.Document;

/**
 * What ingesting one document did.
 *
 * @param documentId the document's id (derived when none was given)
 * @param outcome    created, updated (chunks replaced), unchanged (same content hash) or failed
 * @param document   the stored document; null when failed
 * @param error      why it failed; null otherwise
 */
public record IngestResult(String documentId, Outcome outcome, Document document, String error) {
  public enum Outcome { CREATED, UPDATED, UNCHANGED, FAILED }
}
