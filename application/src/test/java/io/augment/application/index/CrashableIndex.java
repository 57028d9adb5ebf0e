package io.augment.application.index;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.retrieval.VectorIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An index that behaves like Lucene on disk: document writes are visible at once but durable only
 * after {@link #flush}; creating and dropping a collection is durable at once. {@link #crash} forgets
 * whatever was not flushed. {@link #failNextWrites} makes writes throw, as a full disk would.
 */
final class CrashableIndex implements VectorIndex {
  private Map<String, TreeMap<String, List<EmbeddedChunk>>> live = new HashMap<>();
  private Map<String, TreeMap<String, List<EmbeddedChunk>>> durable = new HashMap<>();
  private final AtomicInteger failures = new AtomicInteger();
  int flushes;

  synchronized void crash() {
    live = copy(durable);
  }

  void failNextWrites(int count) {
    failures.set(count);
  }

  /** Document ids in the collection as a restarted process would see them. */
  synchronized List<String> durableDocuments(String knowledgeBase) {
    return durable.containsKey(knowledgeBase) ? List.copyOf(durable.get(knowledgeBase).keySet()) : List.of();
  }

  @Override
  public synchronized void createCollection(String knowledgeBase, int dimension) {
    live.putIfAbsent(knowledgeBase, new TreeMap<>());
    durable.putIfAbsent(knowledgeBase, new TreeMap<>());
  }

  @Override
  public synchronized void dropCollection(String knowledgeBase) {
    live.remove(knowledgeBase);
    durable.remove(knowledgeBase);
  }

  @Override
  public synchronized boolean collectionExists(String knowledgeBase) {
    return live.containsKey(knowledgeBase);
  }

  @Override
  public synchronized void replaceDocument(String knowledgeBase, String documentId, List<EmbeddedChunk> chunks) {
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("disk full");
    }
    TreeMap<String, List<EmbeddedChunk>> docs = collection(knowledgeBase);
    if (chunks.isEmpty()) {
      docs.remove(documentId);
    } else {
      docs.put(documentId, List.copyOf(chunks));
    }
  }

  @Override
  public synchronized List<ScoredChunk> search(String knowledgeBase, float[] vector, int topK, MetadataFilter filter) {
    List<ScoredChunk> all = new ArrayList<>();
    for (List<EmbeddedChunk> chunks : collection(knowledgeBase).values()) {
      for (EmbeddedChunk c : chunks) {
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
          dot += vector[i] * c.vector()[i];
        }
        all.add(new ScoredChunk(c.chunk(), dot));
      }
    }
    all.sort(Comparator.comparingDouble(ScoredChunk::score).reversed());
    return all.subList(0, Math.min(topK, all.size()));
  }

  @Override
  public synchronized long count(String knowledgeBase) {
    return collection(knowledgeBase).values().stream().mapToLong(List::size).sum();
  }

  @Override
  public synchronized void flush() {
    durable = copy(live);
    flushes++;
  }

  @Override
  public synchronized List<Chunk> allChunks(String knowledgeBase) {
    return collection(knowledgeBase).values().stream().flatMap(List::stream).map(EmbeddedChunk::chunk).toList();
  }

  private TreeMap<String, List<EmbeddedChunk>> collection(String knowledgeBase) {
    TreeMap<String, List<EmbeddedChunk>> docs = live.get(knowledgeBase);
    if (docs == null) {
      throw new NotFoundException("collection", knowledgeBase);
    }
    return docs;
  }

  private static Map<String, TreeMap<String, List<EmbeddedChunk>>> copy(Map<String, TreeMap<String, List<EmbeddedChunk>>> from) {
    Map<String, TreeMap<String, List<EmbeddedChunk>>> to = new HashMap<>();
    from.forEach((kb, docs) -> to.put(kb, new TreeMap<>(docs)));
    return to;
  }
}
