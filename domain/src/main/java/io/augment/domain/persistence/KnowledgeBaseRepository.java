package io.augment.domain.persistence;

import io.augment.domain.model.KnowledgeBase;
import java.util.List;
import java.util.Optional;

/**
 * Stores knowledge bases. Implementations: {@code InMemoryKnowledgeBaseRepository},
 * {@code HibernateKnowledgeBaseRepository}. Contract suite: {@code KnowledgeBaseRepositoryContract}.
 */
public interface KnowledgeBaseRepository {

  /** Stores a new knowledge base. @throws io.augment.domain.model.ConflictException if the name is taken */
  void create(KnowledgeBase knowledgeBase);

  /** Replaces the stored record with the same name (e.g. a new revision). */
  void update(KnowledgeBase knowledgeBase);

  /** Adds one to the knowledge base's revision in one atomic step; nothing when it does not exist. */
  void incrementRevision(String name);

  Optional<KnowledgeBase> find(String name);

  /**
   * Adds the wall time an ingest spent embedding and storing documents into the knowledge base
   * (the cost side of RAG in an evaluation); durable when it returns. Repositories that keep no
   * such total ignore it and answer {@link #ingestMillis} empty.
   */
  default void addIngestMillis(String name, long millis) {}

  /**
   * What an ingest that changed documents records: {@link #incrementRevision} and
   * {@link #addIngestMillis} together. By default the two calls; a store that can should do both in
   * one atomic step (one commit per ingested document instead of two).
   */
  default void ingested(String name, long millis) {
    incrementRevision(name);
    addIngestMillis(name, millis);
  }

  /** Total ingest milliseconds recorded for the knowledge base, or empty when not recorded. */
  default java.util.OptionalLong ingestMillis(String name) {
    return java.util.OptionalLong.empty();
  }

  /** All knowledge bases ordered by name. */
  List<KnowledgeBase> findAll();

  /**
   * Deletes the knowledge base and all its documents and chunks, with one pending index write for the
   * whole base (document id {@code null}) in the same transaction; durable once this returns.
   *
   * @return the pending write's sequence, or 0 when the knowledge base did not exist
   */
  long delete(String name);
}
