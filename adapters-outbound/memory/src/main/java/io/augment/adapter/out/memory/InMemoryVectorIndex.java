package io.augment.adapter.out.memory;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.LexicalIndex;
import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.retrieval.VectorIndex;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Exact brute-force cosine search, and {@link Bm25} over {@link EnglishTerms}, on chunks held on the
 * heap; nothing survives the process. Each document's chunks are one immutable list swapped whole,
 * which makes replacement atomic.
 */
public final class InMemoryVectorIndex implements VectorIndex, LexicalIndex {

  private static final Comparator<Chunk> BY_POSITION =
      Comparator.comparing(Chunk::documentId).thenComparingInt(Chunk::index);
  private static final Comparator<ScoredChunk> BEST_FIRST =
      Comparator.comparingDouble(ScoredChunk::score).reversed().thenComparing(ScoredChunk::chunk, BY_POSITION);

  private final ConcurrentMap<String, Collection> collections = new ConcurrentHashMap<>();

  @Override
  public void createCollection(String knowledgeBase, int dimension) {
    if (dimension <= 0) {
      throw new InvalidInputException("dimension", "must be positive");
    }
    Collection existing = collections.computeIfAbsent(knowledgeBase, kb -> new Collection(dimension));
    if (existing.dimension != dimension) {
      throw new ConflictException("collection '" + knowledgeBase + "' has dimension " + existing.dimension
          + ", not " + dimension);
    }
  }

  @Override
  public void dropCollection(String knowledgeBase) {
    collections.remove(knowledgeBase);
  }

  @Override
  public boolean collectionExists(String knowledgeBase) {
    return collections.containsKey(knowledgeBase);
  }

  @Override
  public void replaceDocument(String knowledgeBase, String documentId, List<EmbeddedChunk> chunks) {
    Collection collection = collection(knowledgeBase);
    List<StoredChunk> stored = chunks.stream().map(c -> collection.store(documentId, c)).toList();
    if (stored.isEmpty()) {
      collection.documents.remove(documentId);
    } else {
      collection.documents.put(documentId, stored);
    }
  }

  @Override
  public List<ScoredChunk> search(String knowledgeBase, float[] vector, int topK, MetadataFilter filter) {
    Collection collection = collection(knowledgeBase);
    collection.checkDimension("vector", vector);
    checkTopK(topK);
    float[] query = StoredChunk.normalised(vector);
    return collection.snapshot().stream()
        .filter(s -> s.matches(filter))
        .map(s -> new ScoredChunk(s.chunk(), s.score(query)))
        .sorted(BEST_FIRST)
        .limit(topK)
        .toList();
  }

  @Override
  public List<ScoredChunk> searchText(String knowledgeBase, String query, int topK, MetadataFilter filter) {
    Collection collection = collection(knowledgeBase);
    checkTopK(topK);
    return Bm25.score(collection.snapshot(), new LinkedHashSet<>(EnglishTerms.of(query)), s -> s.matches(filter)).stream()
        .sorted(BEST_FIRST)
        .limit(topK)
        .toList();
  }

  @Override
  public long count(String knowledgeBase) {
    return collection(knowledgeBase).documents.values().stream().mapToLong(List::size).sum();
  }

  @Override
  public List<Chunk> allChunks(String knowledgeBase) {
    return collection(knowledgeBase).snapshot().stream()
        .map(StoredChunk::chunk)
        .sorted(BY_POSITION)
        .toList();
  }

  private static void checkTopK(int topK) {
    if (topK <= 0) {
      throw new InvalidInputException("topK", "must be positive");
    }
  }

  private Collection collection(String knowledgeBase) {
    Collection collection = collections.get(knowledgeBase);
    if (collection == null) {
      throw new NotFoundException("collection", knowledgeBase);
    }
    return collection;
  }

  private static final class Collection {
    final int dimension;
    final ConcurrentMap<String, List<StoredChunk>> documents = new ConcurrentHashMap<>();

    Collection(int dimension) {
      this.dimension = dimension;
    }

    StoredChunk store(String documentId, EmbeddedChunk embedded) {
      if (!embedded.chunk().documentId().equals(documentId)) {
        throw new InvalidInputException("chunks", "chunk " + embedded.chunk().id() + " is not of document " + documentId);
      }
      checkDimension("chunks[" + embedded.chunk().id() + "].vector", embedded.vector());
      return StoredChunk.of(embedded.chunk(), embedded.vector());
    }

    /** Every chunk as of now; each document's chunks are all old or all new. */
    List<StoredChunk> snapshot() {
      return documents.values().stream().flatMap(List::stream).toList();
    }

    void checkDimension(String field, float[] vector) {
      if (vector.length != dimension) {
        throw new InvalidInputException(field, "has " + vector.length + " dimensions, the collection " + dimension);
      }
    }
  }
}
