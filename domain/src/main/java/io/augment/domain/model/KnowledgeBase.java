package io.augment.domain.model;

import java.time.Instant;
import io.augment.domain.retrieval.RetrievalMode;
import java.util.Objects;

/**
 * A named collection of documents searched together. It records the embedding model its index was
 * built with: ingesting or querying with another model is refused, never silently mixed.
 *
 * @param name        unique, URL-safe identifier ({@link #NAME_PATTERN})
 * @param description free text, may be empty
 * @param embedding   the embedding model the index is built with
 * @param chunking    how documents are cut into chunks
 * @param revision    increases on every content change (ingest, replace, delete); caches key on it
 * @param createdAt   creation time
 * @param retrieval   the retrieval mode its queries use unless they ask for another
 */
public record KnowledgeBase(
    String name,
    String description,
    EmbeddingSpec embedding,
    ChunkingSettings chunking,
    long revision,
    Instant createdAt,
    RetrievalMode retrieval) {

  public static final String NAME_PATTERN = "[a-z0-9][a-z0-9_-]{0,62}";

  public KnowledgeBase {
    Objects.requireNonNull(name, "name");
    if (!name.matches(NAME_PATTERN)) {
      throw new InvalidInputException("name", "must match " + NAME_PATTERN + " (lowercase letters, digits, '-' and '_', at most 63)");
    }
    description = description == null ? "" : description;
    Objects.requireNonNull(embedding, "embedding");
    Objects.requireNonNull(chunking, "chunking");
    Objects.requireNonNull(createdAt, "createdAt");
    retrieval = retrieval == null ? RetrievalMode.DENSE : retrieval;
  }

  /** A knowledge base with dense retrieval by default. */
  public KnowledgeBase(
      String name, String description, EmbeddingSpec embedding, ChunkingSettings chunking, long revision, Instant createdAt) {
    this(name, description, embedding, chunking, revision, createdAt, RetrievalMode.DENSE);
  }

  public KnowledgeBase nextRevision() {
    return new KnowledgeBase(name, description, embedding, chunking, revision + 1, createdAt, retrieval);
  }
}
