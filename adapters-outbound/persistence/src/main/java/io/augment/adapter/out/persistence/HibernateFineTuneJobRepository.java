package io.augment.adapter.out.persistence;

import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuneJobRepository;
import io.augment.domain.adaptation.FineTuningJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

/**
 * Fine-tuning jobs, their events and kept checkpoints in SQL through Hibernate ORM; every method is
 * one transaction. Bounds: a job keeps the events whose seq is within the newest
 * {@value #EVENTS_KEPT} seqs (seqs run 1, 2, 3, ..., so the newest {@value #EVENTS_KEPT} events); an
 * append deletes the older ones in its own transaction (one indexed delete). Event messages are cut
 * to {@value FineTuneEventEntity#MAX_MESSAGE} characters and errors to
 * {@value FineTuneJobEntity#MAX_ERROR}; a name, base model or source longer than its column is refused.
 */
@ApplicationScoped
@Typed(HibernateFineTuneJobRepository.class) // bootstrap picks the port's implementation from configuration
@ActivateRequestContext // Hibernate asks the tenant resolver only with a request context (background jobs have none)
@Transactional
public class HibernateFineTuneJobRepository implements FineTuneJobRepository {
  static final int EVENTS_KEPT = 10_000;
  private static final int IN_CHUNK = 500;

  private final EntityManager entityManager;

  @Inject
  HibernateFineTuneJobRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void save(FineTuningJob job) {
    entityManager.merge(FineTuneJobEntity.from(job));
  }

  @Override
  public Optional<FineTuningJob> find(String id) {
    return Optional.ofNullable(entityManager.find(FineTuneJobEntity.class, id)).map(FineTuneJobEntity::toDomain);
  }

  @Override
  public List<FineTuningJob> list() {
    return jobs("from FineTuneJobEntity order by createdAt desc, id");
  }

  @Override
  public List<FineTuningJob> unfinished() {
    return jobs("from FineTuneJobEntity where status in ('VALIDATING_FILES', 'QUEUED', 'RUNNING')"
        + " order by createdAt desc, id");
  }

  private List<FineTuningJob> jobs(String query) {
    return entityManager.createQuery(query, FineTuneJobEntity.class)
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultStream()
        .map(FineTuneJobEntity::toDomain)
        .toList();
  }

  @Override
  public void append(String jobId, List<FineTuneEvent> events) {
    if (events.isEmpty() || entityManager.find(FineTuneJobEntity.class, jobId) == null) {
      return;
    }
    Map<Long, FineTuneEventEntity> stored = new HashMap<>();
    List<Long> seqs = events.stream().map(FineTuneEvent::seq).distinct().toList();
    for (int from = 0; from < seqs.size(); from += IN_CHUNK) {
      entityManager
          .createQuery("from FineTuneEventEntity e where e.jobId = :job and e.seq in :seqs", FineTuneEventEntity.class)
          .setParameter("job", jobId)
          .setParameter("seqs", seqs.subList(from, Math.min(seqs.size(), from + IN_CHUNK)))
          .getResultStream()
          .forEach(e -> stored.put(e.seq, e));
    }
    for (FineTuneEvent event : events) {
      FineTuneEventEntity same = stored.get(event.seq());
      if (same != null) {
        same.update(event);
      } else {
        FineTuneEventEntity entity = FineTuneEventEntity.from(jobId, event);
        entityManager.persist(entity);
        stored.put(event.seq(), entity);
      }
    }
    long newest = Math.max(seqs.stream().mapToLong(Long::longValue).max().orElseThrow(), newestSeq(jobId));
    if (newest > EVENTS_KEPT) {
      entityManager.createQuery("delete from FineTuneEventEntity where jobId = :job and seq <= :cut")
          .setParameter("job", jobId)
          .setParameter("cut", newest - EVENTS_KEPT)
          .executeUpdate();
    }
  }

  private long newestSeq(String jobId) {
    Long newest = entityManager.createQuery("select max(e.seq) from FineTuneEventEntity e where e.jobId = :job",
        Long.class).setParameter("job", jobId).getSingleResult();
    return newest == null ? 0 : newest;
  }

  @Override
  public List<FineTuneEvent> events(String jobId, long afterSeq, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return entityManager
        .createQuery("from FineTuneEventEntity e where e.jobId = :job and e.seq > :after order by e.seq",
            FineTuneEventEntity.class)
        .setParameter("job", jobId)
        .setParameter("after", afterSeq)
        .setMaxResults(limit)
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultStream()
        .map(FineTuneEventEntity::toDomain)
        .toList();
  }

  @Override
  public List<FineTuneEvent> latestEvents(String jobId, Long beforeSeq, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return entityManager
        .createQuery("from FineTuneEventEntity e where e.jobId = :job and e.seq < :before order by e.seq desc",
            FineTuneEventEntity.class)
        .setParameter("job", jobId)
        .setParameter("before", beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
        .setMaxResults(limit)
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultStream()
        .map(FineTuneEventEntity::toDomain)
        .toList();
  }

  @Override
  public void saveCheckpoints(String jobId, List<FineTuneCheckpoint> kept) {
    if (entityManager.find(FineTuneJobEntity.class, jobId) == null) {
      return;
    }
    entityManager.createQuery("delete from FineTuneCheckpointEntity where jobId = :job")
        .setParameter("job", jobId)
        .executeUpdate();
    for (FineTuneCheckpoint checkpoint : kept) {
      entityManager.persist(FineTuneCheckpointEntity.from(jobId, checkpoint));
    }
  }

  @Override
  public List<FineTuneCheckpoint> checkpoints(String jobId) {
    return entityManager
        .createQuery("from FineTuneCheckpointEntity c where c.jobId = :job order by c.createdAt, c.step, c.checkpointId",
            FineTuneCheckpointEntity.class)
        .setParameter("job", jobId)
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultStream()
        .map(FineTuneCheckpointEntity::toDomain)
        .toList();
  }

  @Override
  public boolean delete(String id) {
    entityManager.createQuery("delete from FineTuneEventEntity where jobId = :job").setParameter("job", id)
        .executeUpdate();
    entityManager.createQuery("delete from FineTuneCheckpointEntity where jobId = :job").setParameter("job", id)
        .executeUpdate();
    return entityManager.createQuery("delete from FineTuneJobEntity where id = :id").setParameter("id", id)
        .executeUpdate() > 0;
  }
}
