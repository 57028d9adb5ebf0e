package io.augment.adapter.out.persistence;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.tenant.ApiKey;
import io.augment.domain.tenant.ApiKeyRepository;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** API key records in the default schema. */
@ApplicationScoped
@Typed(HibernateApiKeyRepository.class) // bootstrap picks the port's implementation from configuration
@ActivateRequestContext
@DefaultSchema
@Transactional
public class HibernateApiKeyRepository implements ApiKeyRepository {

  private final EntityManager entityManager;

  @Inject
  HibernateApiKeyRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void create(ApiKey key) {
    if (entityManager.find(ApiKeyEntity.class, key.id()) != null) {
      throw new AlreadyExistsException("API key", key.id());
    }
    entityManager.persist(ApiKeyEntity.from(key));
    try {
      entityManager.flush();
    } catch (PersistenceException e) {
      // Another transaction created the same id between find and flush.
      if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
        throw new AlreadyExistsException("API key", key.id());
      }
      throw e;
    }
  }

  @Override
  public Optional<ApiKey> find(String id) {
    return Optional.ofNullable(entityManager.find(ApiKeyEntity.class, id)).map(ApiKeyEntity::toDomain);
  }

  @Override
  public List<ApiKey> list(TenantId tenant) {
    return entityManager
        .createQuery("from ApiKeyEntity where tenant = :tenant order by createdAt, id", ApiKeyEntity.class)
        .setParameter("tenant", tenant.value())
        .getResultStream()
        .map(ApiKeyEntity::toDomain)
        .toList();
  }

  @Override
  public boolean revoke(TenantId tenant, String id, Instant at) {
    ApiKeyEntity entity = entityManager.find(ApiKeyEntity.class, id);
    if (entity == null || !entity.tenant.equals(tenant.value())) {
      return false;
    }
    // One conditional update, so two concurrent revokes keep the first time too.
    entityManager.createQuery("update ApiKeyEntity set revokedAt = :at where id = :id and revokedAt is null")
        .setParameter("at", at)
        .setParameter("id", id)
        .executeUpdate();
    return true;
  }

  @Override
  public long countActive(Scope scope, Instant now) {
    List<String> scopes = Arrays.stream(Scope.values()).filter(s -> s.allows(scope)).map(Scope::wire).toList();
    return entityManager.createQuery("select count(*) from ApiKeyEntity where scope in :scopes and revokedAt is null "
            + "and (expiresAt is null or expiresAt > :now)", Long.class)
        .setParameter("scopes", scopes)
        .setParameter("now", now)
        .getSingleResult();
  }
}
