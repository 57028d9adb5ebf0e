package io.augment.adapter.out.memory;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.retrieval.VectorIndex;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Exact brute-force cosine search over vectors held on the heap; nothing survives the process. Each
 * document's chunks are one immutable list swapped whole, which makes replacement atomic.
 */
public final class InMemoryVectorIndex implements VectorIndex {

  private static final Comparator<Chunk> BY_POSITION =
      Comparator.comparing(Chunk::documentId).thenComparingInt(Chunk::index);

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
    if (topK <= 0) {
      throw new InvalidInputException("topK", "must be positive");
    }
    float[] query = StoredChunk.normalised(vector);
    return collection.documents.values().stream()
        .flatMap(List::stream)
        .filter(s -> filter.test(s.chunk().documentId(), s.chunk().metadata()))
        .map(s -> new ScoredChunk(s.chunk(), s.score(query)))
        .sorted(Comparator.comparingDouble(ScoredChunk::score).reversed()
            .thenComparing(ScoredChunk::chunk, BY_POSITION))
        .limit(topK)
        .toList();
  }

  @Override
  public long count(String knowledgeBase) {
    return collection(knowledgeBase).documents.values().stream().mapToLong(List::size).sum();
  }

  @Override
  public List<Chunk> allChunks(String knowledgeBase) {
    return collection(knowledgeBase).documents.values().stream()
        .flatMap(List::stream)
        .map(StoredChunk::chunk)
        .sorted(BY_POSITION)
        .toList();
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
      return new StoredChunk(embedded.chunk(), StoredChunk.normalised(embedded.vector()));
    }

    void checkDimension(String field, float[] vector) {
      if (vector.length != dimension) {
        throw new InvalidInputException(field, "has " + vector.length + " dimensions, the collection " + dimension);
      }
    }
  }
}
