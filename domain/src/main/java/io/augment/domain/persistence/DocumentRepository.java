package io.augment.domain.persistence;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import java.util.List;
import java.util.Optional;

/**
 * Stores documents and their chunks' text. Saving a document replaces its previous version and
 * chunks in one transaction. Contract suite: {@code DocumentRepositoryContract}.
 */
public interface DocumentRepository {

  Optional<Document> find(String knowledgeBase, String documentId);

  /** Documents of a knowledge base ordered by id; {@code limit} at most, from {@code offset}. */
  List<Document> findAll(String knowledgeBase, int offset, int limit);

  long count(String knowledgeBase);

  /** Sum of chunk counts over the knowledge base's documents. */
  long chunkCount(String knowledgeBase);

  /** Inserts or replaces the document and all its chunks, atomically. */
  void save(Document document, List<Chunk> chunks);

  /** Chunks of one document in index order; empty when the document is unknown. */
  List<Chunk> chunks(String knowledgeBase, String documentId);

  /** Deletes the document and its chunks; false when it did not exist. */
  boolean delete(String knowledgeBase, String documentId);

  /** Deletes every document of the knowledge base. */
  void deleteAll(String knowledgeBase);
}
