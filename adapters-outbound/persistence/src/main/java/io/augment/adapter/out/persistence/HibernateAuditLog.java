package io.augment.adapter.out.persistence;

import io.augment.domain.tenant.AuditEntry;
import io.augment.domain.tenant.AuditLog;
import io.augment.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit log in the default schema's {@code audit_event}. It keeps the newest {@value #RETAINED}
 * entries: every {@value #PRUNE_EVERY}th append of this process also deletes the rows more than
 * {@value #RETAINED} sequences older than the newest (one indexed delete), so the table stays
 * under {@code RETAINED + PRUNE_EVERY} rows per running server.
 */
@ApplicationScoped
@Typed(HibernateAuditLog.class) // bootstrap picks the port's implementation from configuration
@ActivateRequestContext
@DefaultSchema
@Transactional
public class HibernateAuditLog implements AuditLog {
  static final long RETAINED = 1_000_000;
  static final int PRUNE_EVERY = 1_000;

  private final EntityManager entityManager;
  private final AtomicLong appends = new AtomicLong();

  @Inject
  HibernateAuditLog(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public AuditEntry append(AuditEntry entry) {
    AuditEventEntity entity = AuditEventEntity.from(entry);
    entityManager.persist(entity); // an identity column: inserted now, sequence assigned
    if (appends.incrementAndGet() % PRUNE_EVERY == 0) {
      keepNewest(RETAINED);
    }
    return entity.toDomain();
  }

  /** The whole batch in one transaction. */
  @Override
  public List<AuditEntry> appendAll(List<AuditEntry> entries) {
    List<AuditEntry> stored = new java.util.ArrayList<>(entries.size());
    for (AuditEntry entry : entries) {
      stored.add(append(entry));
    }
    return stored;
  }

  @Override
  public List<AuditEntry> list(Optional<TenantId> tenant, long afterSequence, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    TypedQuery<AuditEventEntity> query = entityManager.createQuery("from AuditEventEntity where sequence > :after"
        + (tenant.isPresent() ? " and tenant = :tenant" : "") + " order by sequence", AuditEventEntity.class);
    query.setParameter("after", afterSequence);
    tenant.ifPresent(t -> query.setParameter("tenant", t.value()));
    return query.setMaxResults(limit).getResultStream().map(AuditEventEntity::toDomain).toList();
  }

  /** Deletes the entries more than {@code retained} sequences older than the newest; answers how many. */
  int keepNewest(long retained) {
    Long newest = entityManager.createQuery("select max(sequence) from AuditEventEntity", Long.class).getSingleResult();
    if (newest == null || newest <= retained) {
      return 0;
    }
    return entityManager.createQuery("delete from AuditEventEntity where sequence <= :cut")
        .setParameter("cut", newest - retained)
        .executeUpdate();
  }
}
