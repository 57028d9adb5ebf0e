package io.augment.adapter.out.persistence;

import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.QuestionResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

/** Evaluation runs and their per-question results in SQL through Hibernate ORM; every method is one transaction. */
@ApplicationScoped
@Typed(HibernateEvaluationRunRepository.class) // bootstrap picks the port's implementation from configuration
@ActivateRequestContext // Hibernate asks the tenant resolver only with a request context (background jobs have none)
@Transactional
public class HibernateEvaluationRunRepository implements EvaluationRunRepository {

  private static final String RESULT_ORDER =
      " order by case when r.set = '" + QuestionResult.EVALUATION + "' then 0 else 1 end, r.index, r.sequence";

  private final EntityManager entityManager;

  @Inject
  HibernateEvaluationRunRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void save(EvaluationRun run) {
    entityManager.merge(EvaluationRunEntity.from(run));
  }

  @Override
  public Optional<EvaluationRun> find(String id) {
    return Optional.ofNullable(entityManager.find(EvaluationRunEntity.class, id)).map(EvaluationRunEntity::toDomain);
  }

  @Override
  public List<EvaluationRun> list() {
    return runs("from EvaluationRunEntity order by createdAt desc, id");
  }

  @Override
  public List<EvaluationRun> unfinished() {
    return runs("from EvaluationRunEntity where status in ('QUEUED', 'RUNNING') order by createdAt desc, id");
  }

  private List<EvaluationRun> runs(String query) {
    return entityManager.createQuery(query, EvaluationRunEntity.class)
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultStream()
        .map(EvaluationRunEntity::toDomain)
        .toList();
  }

  @Override
  public void append(String runId, List<QuestionResult> results) {
    if (results.isEmpty() || entityManager.find(EvaluationRunEntity.class, runId) == null) {
      return;
    }
    List<EvaluationResultEntity> stored = new ArrayList<>();
    List<Integer> indexes = results.stream().map(QuestionResult::index).distinct().toList();
    for (int from = 0; from < indexes.size(); from += 500) {
      stored.addAll(entityManager
          .createQuery("from EvaluationResultEntity r where r.runId = :run and r.index in :indexes",
              EvaluationResultEntity.class)
          .setParameter("run", runId)
          .setParameter("indexes", indexes.subList(from, Math.min(indexes.size(), from + 500)))
          .getResultList());
    }
    for (QuestionResult result : results) {
      Optional<EvaluationResultEntity> same = stored.stream().filter(e -> e.sameQuestionAndContender(result)).findFirst();
      if (same.isPresent()) {
        same.get().update(result);
      } else {
        EvaluationResultEntity entity = EvaluationResultEntity.from(runId, result);
        entityManager.persist(entity);
        stored.add(entity);
      }
    }
  }

  @Override
  public List<QuestionResult> results(String runId) {
    return entityManager
        .createQuery("from EvaluationResultEntity r where r.runId = :run" + RESULT_ORDER, EvaluationResultEntity.class)
        .setParameter("run", runId)
        .setHint(HibernateHints.HINT_READ_ONLY, true) // no snapshots to dirty-check at commit
        .getResultStream()
        .map(EvaluationResultEntity::toDomain)
        .toList();
  }

  @Override
  public boolean delete(String id) {
    entityManager.createQuery("delete from EvaluationResultEntity where runId = :run")
        .setParameter("run", id)
        .executeUpdate();
    return entityManager.createQuery("delete from EvaluationRunEntity where id = :id")
        .setParameter("id", id)
        .executeUpdate() > 0;
  }
}
