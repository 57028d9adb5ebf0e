package io.augment.adapter.out.persistence;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/** Knowledge bases in SQL through Hibernate ORM; every method runs in a transaction. */
@ApplicationScoped
@Typed(HibernateKnowledgeBaseRepository.class) // bootstrap picks the port's implementation from configuration
@ActivateRequestContext // Hibernate asks the tenant resolver only with a request context (background jobs have none)
@Transactional
public class HibernateKnowledgeBaseRepository implements KnowledgeBaseRepository {

  private final EntityManager entityManager;
  private final HibernateDocumentRepository documents;

  @Inject
  HibernateKnowledgeBaseRepository(EntityManager entityManager, HibernateDocumentRepository documents) {
    this.entityManager = entityManager;
    this.documents = documents;
  }

  @Override
  public void create(KnowledgeBase knowledgeBase) {
    if (entityManager.find(KnowledgeBaseEntity.class, knowledgeBase.name()) != null) {
      throw alreadyExists(knowledgeBase.name());
    }
    entityManager.persist(KnowledgeBaseEntity.from(knowledgeBase));
    try {
      entityManager.flush();
    } catch (PersistenceException e) {
      // Another transaction created the same name between find and flush.
      if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
        throw alreadyExists(knowledgeBase.name());
      }
      throw e;
    }
  }

  @Override
  public void update(KnowledgeBase knowledgeBase) {
    KnowledgeBaseEntity entity = entityManager.find(KnowledgeBaseEntity.class, knowledgeBase.name());
    if (entity == null) {
      throw new NotFoundException("knowledge base", knowledgeBase.name());
    }
    entity.update(knowledgeBase);
  }

  @Override
  public void incrementRevision(String name) {
    entityManager.createQuery("update KnowledgeBaseEntity set revision = revision + 1 where name = :name")
        .setParameter("name", name)
        .executeUpdate();
  }

  @Override
  public void addIngestMillis(String name, long millis) {
    entityManager.createQuery("update KnowledgeBaseEntity set ingestMillis = ingestMillis + :millis where name = :name")
        .setParameter("millis", millis)
        .setParameter("name", name)
        .executeUpdate();
  }

  @Override
  public void ingested(String name, long millis) {
    // One statement, one commit per ingested document; plain SQL (see IngestRows).
    entityManager.unwrap(Session.class).doWork(connection -> documents.rows().ingested(connection, name, millis));
  }

  @Override
  public OptionalLong ingestMillis(String name) {
    return entityManager.createQuery("select ingestMillis from KnowledgeBaseEntity where name = :name", Long.class)
        .setParameter("name", name)
        .getResultStream()
        .mapToLong(Long::longValue)
        .findFirst();
  }

  @Override
  public Optional<KnowledgeBase> find(String name) {
    return Optional.ofNullable(entityManager.find(KnowledgeBaseEntity.class, name))
        .map(KnowledgeBaseEntity::toDomain);
  }

  @Override
  public List<KnowledgeBase> findAll() {
    return entityManager
        .createQuery("from KnowledgeBaseEntity order by name", KnowledgeBaseEntity.class)
        .getResultStream()
        .map(KnowledgeBaseEntity::toDomain)
        .toList();
  }

  @Override
  public long delete(String name) {
    KnowledgeBaseEntity entity = entityManager.find(KnowledgeBaseEntity.class, name);
    if (entity == null) {
      return 0;
    }
    documents.deleteAll(name);
    entityManager.remove(entity);
    return documents.recordPending(name, null);
  }

  private static ConflictException alreadyExists(String name) {
    return new AlreadyExistsException("knowledge base", name);
  }
}
