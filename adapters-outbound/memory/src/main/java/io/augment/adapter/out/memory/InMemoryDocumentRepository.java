package io.augment.adapter.out.memory;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.persistence.DocumentRepository;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Documents and chunks held in maps, lost on restart. Thread-safe. */
public final class InMemoryDocumentRepository implements DocumentRepository {

  private record Stored(Document document, List<Chunk> chunks) {}

  /** Knowledge base name to its documents, sorted by id. */
  private final ConcurrentMap<String, NavigableMap<String, Stored>> byKnowledgeBase = new ConcurrentHashMap<>();

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
  public void save(Document document, List<Chunk> chunks) {
    List<Chunk> ordered = chunks.stream().sorted(Comparator.comparingInt(Chunk::index)).toList();
    Stored stored = new Stored(document, ordered);
    // compute() keeps a concurrent deleteAll from dropping the map this document goes into.
    byKnowledgeBase.compute(document.knowledgeBase(), (name, documents) -> {
      NavigableMap<String, Stored> target = documents == null ? new ConcurrentSkipListMap<>() : documents;
      target.put(document.id(), stored);
      return target;
    });
  }

  @Override
  public List<Chunk> chunks(String knowledgeBase, String documentId) {
    Stored stored = documents(knowledgeBase).get(documentId);
    return stored == null ? List.of() : stored.chunks();
  }

  @Override
  public boolean delete(String knowledgeBase, String documentId) {
    AtomicBoolean removed = new AtomicBoolean();
    byKnowledgeBase.computeIfPresent(knowledgeBase, (name, documents) -> {
      removed.set(documents.remove(documentId) != null);
      return documents.isEmpty() ? null : documents;
    });
    return removed.get();
  }

  @Override
  public void deleteAll(String knowledgeBase) {
    byKnowledgeBase.remove(knowledgeBase);
  }

  private NavigableMap<String, Stored> documents(String knowledgeBase) {
    return byKnowledgeBase.getOrDefault(knowledgeBase, Collections.emptyNavigableMap());
  }
}
