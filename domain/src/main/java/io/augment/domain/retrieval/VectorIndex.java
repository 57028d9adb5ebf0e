package io.augment.domain.retrieval;

import java.util.List;

/**
 * Stores chunk embeddings per knowledge base and finds the nearest ones to a query vector.
 *
 * <p>Contract (checked by {@code VectorIndexContract}):
 * <ul>
 *   <li>Collections are per knowledge base and isolated from each other.
 *   <li>{@link #replaceDocument} is atomic: a concurrent search sees either all the old chunks of that
 *       document or all the new ones, never a mix and never none (unless one side is empty).
 *   <li>Vectors whose length differs from the collection's dimension are refused with
 *       {@link io.augment.domain.model.InvalidInputException}; nothing is written.
 *   <li>Searching, writing, counting or listing a collection that was never created throws
 *       {@link io.augment.domain.model.NotFoundException}.
 *   <li>{@code topK} below 1, or a chunk whose document id differs from the one being replaced, is
 *       refused with {@link io.augment.domain.model.InvalidInputException}; nothing is written.
 *   <li>Search results are ordered by descending score, at most {@code topK}, and all match the filter.
 * </ul>
 *
 * <p>Implementations: {@code InMemoryVectorIndex}, {@code LuceneVectorIndex}. Thread-safe.
 */
public interface VectorIndex {

  /** Creates the collection if absent. Creating an existing one with another dimension is a conflict. */
  void createCollection(String knowledgeBase, int dimension);

  /** Removes the collection and everything in it; absent collections are ignored. */
  void dropCollection(String knowledgeBase);

  boolean collectionExists(String knowledgeBase);

  /** Replaces all chunks of {@code documentId} by {@code chunks} (empty means delete), atomically. */
  void replaceDocument(String knowledgeBase, String documentId, List<EmbeddedChunk> chunks);

  default void deleteDocument(String knowledgeBase, String documentId) {
    replaceDocument(knowledgeBase, documentId, List.of());
  }

  /** The {@code topK} chunks nearest to {@code vector} that match {@code filter}. */
  List<ScoredChunk> search(String knowledgeBase, float[] vector, int topK, MetadataFilter filter);

  /** Number of chunks in the collection. */
  long count(String knowledgeBase);

  /** Bytes the collection takes in storage, or empty when the backend cannot tell (a remote store). */
  default java.util.OptionalLong storageBytes(String knowledgeBase) {
    return java.util.OptionalLong.empty();
  }

  /**
   * Makes every write that has returned so far durable, so it survives a crash. Callers flush
   * before recording elsewhere that a write happened. Indexes that write through do nothing.
   */
  default void flush() {}

  /** Every chunk of the collection in (documentId, index) order; for whole-corpus operations. */
  List<io.augment.domain.model.Chunk> allChunks(String knowledgeBase);
}
