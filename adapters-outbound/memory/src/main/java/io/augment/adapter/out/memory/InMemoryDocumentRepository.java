package io.augment.adapter.out.memory;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.PendingIndexWrite;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;

/** Documents and chunks held in maps, lost on restart. Thread-safe. */
public final class InMemoryDocumentRepository implements DocumentRepository {

  private record Stored(Document document, List<Chunk> chunks) {}

  /** Knowledge base name to its documents, sorted by id. */
  private final ConcurrentMap<String, NavigableMap<String, Stored>> byKnowledgeBase = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, PendingIndexWrite> pending = new ConcurrentSkipListMap<>();
  private final AtomicLong sequences = new AtomicLong();

  @Override
  public Optional<Document> find(String knowledgeBase, String documentId) {
    return Optional.ofNullable(documents(knowledgeBase).get(documentId)).map(Stored::document);
  }

  @Override
  public List<Document> findAll(String knowledgeBase, int offset, int limit) {
    return documents(knowledgeBase).values().stream().skip(offset).limit(limit).map(Stored::document).toList();
  }

  @Override
  public long count(String knowledgeBase) {
    return documents(knowledgeBase).size();
  }

  @Override
  public long chunkCount(String knowledgeBase) {
    return documents(knowledgeBase).values().stream().mapToLong(stored -> stored.document().chunkCount()).sum();
  }

  @Override
  public long save(Document document, List<Chunk> chunks) {
    List<Chunk> ordered = chunks.stream().sorted(Comparator.comparingInt(Chunk::index)).toList();
    Stored stored = new Stored(document, ordered);
    // compute() keeps a concurrent deleteAll from dropping the map this document goes into.
    byKnowledgeBase.compute(document.knowledgeBase(), (name, documents) -> {
      NavigableMap<String, Stored> target = documents == null ? new ConcurrentSkipListMap<>() : documents;
      target.put(document.id(), stored);
      return target;
    });
    return recordPending(document.knowledgeBase(), document.id());
  }

  @Override
  public List<Chunk> chunks(String knowledgeBase, String documentId) {
    Stored stored = documents(knowledgeBase).get(documentId);
    return stored == null ? List.of() : stored.chunks();
  }

  @Override
  public long delete(String knowledgeBase, String documentId) {
    AtomicBoolean removed = new AtomicBoolean();
    byKnowledgeBase.computeIfPresent(knowledgeBase, (name, documents) -> {
      removed.set(documents.remove(documentId) != null);
      return documents.isEmpty() ? null : documents;
    });
    return removed.get() ? recordPending(knowledgeBase, documentId) : 0;
  }

  @Override
  public List<PendingIndexWrite> pendingIndexWrites(int limit) {
    return pending.values().stream().limit(limit).toList();
  }

  @Override
  public void indexWritesDone(Collection<Long> sequenceNumbers) {
    sequenceNumbers.forEach(pending::remove);
  }

  /** Records a pending index write; the knowledge-base repository uses it for whole-base deletes. */
  long recordPending(String knowledgeBase, String documentId) {
    long sequence = sequences.incrementAndGet();
    pending.put(sequence, new PendingIndexWrite(sequence, knowledgeBase, documentId));
    return sequence;
  }

  @Override
  public void deleteAll(String knowledgeBase) {
    byKnowledgeBase.remove(knowledgeBase);
  }

  private NavigableMap<String, Stored> documents(String knowledgeBase) {
    return byKnowledgeBase.getOrDefault(knowledgeBase, Collections.emptyNavigableMap());
  }
}
