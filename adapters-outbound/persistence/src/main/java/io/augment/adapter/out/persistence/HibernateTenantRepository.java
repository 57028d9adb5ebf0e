package io.augment.adapter.out.persistence;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.Tenant;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** Tenants in the default schema; deleting one deletes its keys in the same transaction. */
@ApplicationScoped
@Typed(HibernateTenantRepository.class) // bootstrap picks the port's implementation from configuration
@ActivateRequestContext
@DefaultSchema
@Transactional
public class HibernateTenantRepository implements TenantRepository {

  private final EntityManager entityManager;

  @Inject
  HibernateTenantRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void create(Tenant tenant) {
    if (entityManager.find(TenantEntity.class, tenant.id().value()) != null) {
      throw new AlreadyExistsException("tenant", tenant.id().value());
    }
    entityManager.persist(TenantEntity.from(tenant));
    try {
      entityManager.flush();
    } catch (PersistenceException e) {
      // Another transaction created the same id between find and flush.
      if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
        throw new AlreadyExistsException("tenant", tenant.id().value());
      }
      throw e;
    }
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    return Optional.ofNullable(entityManager.find(TenantEntity.class, id.value())).map(TenantEntity::toDomain);
  }

  @Override
  public List<Tenant> list() {
    return entityManager.createQuery("from TenantEntity order by id", TenantEntity.class)
        .getResultStream()
        .map(TenantEntity::toDomain)
        .toList();
  }

  @Override
  public boolean updateQuotas(TenantId id, Quotas quotas) {
    TenantEntity entity = entityManager.find(TenantEntity.class, id.value());
    if (entity == null) {
      return false;
    }
    entity.quotas(quotas);
    return true;
  }

  @Override
  public boolean delete(TenantId id) {
    TenantEntity entity = entityManager.find(TenantEntity.class, id.value());
    if (entity == null) {
      return false;
    }
    // The foreign key cascades too; deleting first keeps the session's view consistent.
    entityManager.createQuery("delete from ApiKeyEntity where tenant = :tenant")
        .setParameter("tenant", id.value())
        .executeUpdate();
    entityManager.remove(entity);
    return true;
  }
}
