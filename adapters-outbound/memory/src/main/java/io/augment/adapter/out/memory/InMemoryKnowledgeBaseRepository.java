package io.augment.adapter.out.memory;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Knowledge bases held in a sorted map, lost on restart. Thread-safe. Deleting one also empties it
 * in the document repository it was built with.
 */
public final class InMemoryKnowledgeBaseRepository implements KnowledgeBaseRepository {

  private final ConcurrentNavigableMap<String, KnowledgeBase> byName = new ConcurrentSkipListMap<>();
  private final ConcurrentMap<String, AtomicLong> ingestMillis = new ConcurrentHashMap<>();
  private final InMemoryDocumentRepository documents;

  public InMemoryKnowledgeBaseRepository(InMemoryDocumentRepository documents) {
    this.documents = documents;
  }

  @Override
  public void create(KnowledgeBase knowledgeBase) {
    if (byName.putIfAbsent(knowledgeBase.name(), knowledgeBase) != null) {
      throw new AlreadyExistsException("knowledge base", knowledgeBase.name());
    }
    ingestMillis.put(knowledgeBase.name(), new AtomicLong());
  }

  @Override
  public void addIngestMillis(String name, long millis) {
    AtomicLong total = ingestMillis.get(name);
    if (total != null) {
      total.addAndGet(millis);
    }
  }

  @Override
  public OptionalLong ingestMillis(String name) {
    AtomicLong total = ingestMillis.get(name);
    return total == null ? OptionalLong.empty() : OptionalLong.of(total.get());
  }

  @Override
  public void update(KnowledgeBase knowledgeBase) {
    if (byName.replace(knowledgeBase.name(), knowledgeBase) == null) {
      throw new NotFoundException("knowledge base", knowledgeBase.name());
    }
  }

  @Override
  public void incrementRevision(String name) {
    byName.computeIfPresent(name, (key, kb) -> kb.nextRevision());
  }

  @Override
  public Optional<KnowledgeBase> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public List<KnowledgeBase> findAll() {
    return List.copyOf(byName.values());
  }

  @Override
  public long delete(String name) {
    boolean existed = byName.remove(name) != null;
    ingestMillis.remove(name);
    documents.deleteAll(name);
    return existed ? documents.recordPending(name, null) : 0;
  }
}
