package io.augment.domain.persistence;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stores documents and their chunks' text. Saving a document replaces its previous version and
 * chunks in one transaction. Every save and delete also records a {@link PendingIndexWrite} in that
 * same transaction, so the index can be brought back in step with the records after a crash.
 * Contract suite: {@code DocumentRepositoryContract}.
 */
public interface DocumentRepository {

  Optional<Document> find(String knowledgeBase, String documentId);

  /** Documents of a knowledge base ordered by id; {@code limit} at most, from {@code offset}. */
  List<Document> findAll(String knowledgeBase, int offset, int limit);

  long count(String knowledgeBase);

  /** Sum of chunk counts over the knowledge base's documents. */
  long chunkCount(String knowledgeBase);

  /**
   * Inserts or replaces the document and all its chunks, atomically, with a pending index write for
   * it; once this returns, the change is durable.
   *
   * @return the pending write's sequence
   */
  long save(Document document, List<Chunk> chunks);

  /** Chunks of one document in index order; empty when the document is unknown. */
  List<Chunk> chunks(String knowledgeBase, String documentId);

  /**
   * Deletes the document and its chunks with a pending index write for it; once this returns, the
   * delete is durable.
   *
   * @return the pending write's sequence, or 0 when the document did not exist (nothing recorded)
   */
  long delete(String knowledgeBase, String documentId);

  /** Deletes every document of the knowledge base (no pending writes: the caller records one for the whole base). */
  void deleteAll(String knowledgeBase);

  /** Pending index writes in ascending sequence order, at most {@code limit}. */
  List<PendingIndexWrite> pendingIndexWrites(int limit);

  /** Forgets the pending writes with these sequences (the index holds them durably now); unknown ones are ignored. */
  void indexWritesDone(Collection<Long> sequences);
}
