package io.augment.adapter.out.persistence;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.PendingIndexWrite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Documents and chunk text in SQL through Hibernate ORM. Every method runs in a transaction (joining
 * the caller's), so reads also work from background jobs without a request context.
 */
@ApplicationScoped
@Typed(HibernateDocumentRepository.class) // bootstrap picks the port's implementation from configuration
@ActivateRequestContext // Hibernate asks the tenant resolver only with a request context (background jobs have none)
@Transactional
public class HibernateDocumentRepository implements DocumentRepository {

  private final EntityManager entityManager;
  private volatile IngestRows rows;

  @Inject
  HibernateDocumentRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Document> find(String knowledgeBase, String documentId) {
    return Optional.ofNullable(entity(knowledgeBase, documentId)).map(DocumentEntity::toDomain);
  }

  @Override
  public List<Document> findAll(String knowledgeBase, int offset, int limit) {
    return entityManager
        .createQuery("from DocumentEntity where knowledgeBase = :kb order by id", DocumentEntity.class)
        .setParameter("kb", knowledgeBase)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(DocumentEntity::toDomain)
        .toList();
  }

  @Override
  public long count(String knowledgeBase) {
    return entityManager
        .createQuery("select count(*) from DocumentEntity where knowledgeBase = :kb", Long.class)
        .setParameter("kb", knowledgeBase)
        .getSingleResult();
  }

  @Override
  public long chunkCount(String knowledgeBase) {
    Long sum = entityManager
        .createQuery("select sum(chunkCount) from DocumentEntity where knowledgeBase = :kb", Long.class)
        .setParameter("kb", knowledgeBase)
        .getSingleResult();
    return sum == null ? 0 : sum;
  }

  @Override
  public long save(Document document, List<Chunk> chunks) {
    // Plain statements on this transaction's connection (see IngestRows), then the pending write.
    entityManager.unwrap(Session.class).doWork(connection -> rows().write(connection, document, chunks));
    return recordPending(document.knowledgeBase(), document.id());
  }

  @Override
  public List<Chunk> chunks(String knowledgeBase, String documentId) {
    DocumentEntity document = entity(knowledgeBase, documentId);
    if (document == null) {
      return List.of();
    }
    Document owner = document.toDomain();
    return entityManager
        .createQuery(
            "from ChunkEntity where knowledgeBase = :kb and documentId = :id order by index", ChunkEntity.class)
        .setParameter("kb", knowledgeBase)
        .setParameter("id", documentId)
        .getResultStream()
        .map(chunk -> chunk.toDomain(owner))
        .toList();
  }

  @Override
  public long delete(String knowledgeBase, String documentId) {
    DocumentEntity document = entity(knowledgeBase, documentId);
    if (document == null) {
      return 0;
    }
    deleteChunks(knowledgeBase, documentId);
    entityManager.remove(document);
    return recordPending(knowledgeBase, documentId);
  }

  @Override
  public List<PendingIndexWrite> pendingIndexWrites(int limit) {
    return entityManager
        .createQuery("from PendingIndexWriteEntity order by sequence", PendingIndexWriteEntity.class)
        .setMaxResults(limit)
        .getResultStream()
        .map(PendingIndexWriteEntity::toDomain)
        .toList();
  }

  @Override
  public void indexWritesDone(Collection<Long> sequences) {
    List<Long> all = List.copyOf(sequences);
    for (int from = 0; from < all.size(); from += 500) {
      entityManager.createQuery("delete from PendingIndexWriteEntity where sequence in :sequences")
          .setParameter("sequences", all.subList(from, Math.min(all.size(), from + 500)))
          .executeUpdate();
    }
  }

  /** Records a pending index write in the caller's transaction; whole-base deletes pass a null document. */
  long recordPending(String knowledgeBase, String documentId) {
    PendingIndexWriteEntity pending = PendingIndexWriteEntity.of(knowledgeBase, documentId);
    entityManager.persist(pending);
    return pending.sequence;
  }

  @Override
  public void deleteAll(String knowledgeBase) {
    for (String entity : List.of("ChunkEntity", "DocumentEntity")) {
      entityManager
          .createQuery("delete from " + entity + " where knowledgeBase = :kb")
          .setParameter("kb", knowledgeBase)
          .executeUpdate();
    }
  }

  IngestRows rows() {
    if (rows == null) {
      Object schema = entityManager.getEntityManagerFactory().getProperties().get(AvailableSettings.DEFAULT_SCHEMA);
      rows = new IngestRows(schema == null ? null : schema.toString());
    }
    return rows;
  }

  private DocumentEntity entity(String knowledgeBase, String documentId) {
    return entityManager.find(DocumentEntity.class, new DocumentKey(knowledgeBase, documentId));
  }

  private void deleteChunks(String knowledgeBase, String documentId) {
    entityManager
        .createQuery("delete from ChunkEntity where knowledgeBase = :kb and documentId = :id")
        .setParameter("kb", knowledgeBase)
        .setParameter("id", documentId)
        .executeUpdate();
  }
}
