package io.augment.adapter.out.persistence;

import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.model.AlreadyExistsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Evaluation sets in SQL through Hibernate ORM; every method runs in a transaction, so a set and
 * all its questions are stored together or not at all.
 */
@ApplicationScoped
@Typed(HibernateEvaluationSetRepository.class) // bootstrap picks the port's implementation from configuration
@ActivateRequestContext // Hibernate asks the tenant resolver only with a request context (background jobs have none)
@Transactional
public class HibernateEvaluationSetRepository implements EvaluationSetRepository {

  /** Questions flushed and detached this many at a time, so a large set does not fill the session. */
  private static final int FLUSH_EVERY = 500;

  private final EntityManager entityManager;

  @Inject
  HibernateEvaluationSetRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public EvaluationSet create(EvaluationSet set, List<EvaluationQuestion> questions) {
    if (entityManager.find(EvaluationSetEntity.class, set.name()) != null) {
      throw new AlreadyExistsException("evaluation set", set.name());
    }
    try {
      entityManager.persist(EvaluationSetEntity.from(set));
      entityManager.flush(); // the name's row first: a concurrent create fails here, before any question
      for (int i = 0; i < questions.size(); i++) {
        entityManager.persist(EvaluationQuestionEntity.from(set.name(), i, questions.get(i)));
        if ((i + 1) % FLUSH_EVERY == 0) {
          entityManager.flush();
          entityManager.clear();
        }
      }
      entityManager.flush();
    } catch (PersistenceException e) {
      // Another transaction created the same name between find and flush.
      if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
        throw new AlreadyExistsException("evaluation set", set.name());
      }
      throw e;
    }
    return set;
  }

  @Override
  public Optional<EvaluationSet> find(String name) {
    return Optional.ofNullable(entityManager.find(EvaluationSetEntity.class, name)).map(EvaluationSetEntity::toDomain);
  }

  @Override
  public List<EvaluationSet> list() {
    return entityManager.createQuery("from EvaluationSetEntity order by name", EvaluationSetEntity.class)
        .getResultStream()
        .map(EvaluationSetEntity::toDomain)
        .toList();
  }

  @Override
  public List<EvaluationQuestion> questions(String name) {
    return entityManager
        .createQuery("from EvaluationQuestionEntity where setName = :name order by index", EvaluationQuestionEntity.class)
        .setParameter("name", name)
        .setHint(HibernateHints.HINT_READ_ONLY, true) // no snapshots to dirty-check at commit
        .getResultStream()
        .map(EvaluationQuestionEntity::toDomain)
        .toList();
  }

  @Override
  public boolean delete(String name) {
    entityManager.createQuery("delete from EvaluationQuestionEntity where setName = :name")
        .setParameter("name", name)
        .executeUpdate();
    return entityManager.createQuery("delete from EvaluationSetEntity where name = :name")
        .setParameter("name", name)
        .executeUpdate() > 0;
  }
}
