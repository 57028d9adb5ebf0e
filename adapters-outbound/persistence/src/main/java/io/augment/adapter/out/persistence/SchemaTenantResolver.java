package io.augment.adapter.out.persistence;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hibernate's tenant for a new session: the one {@link TenantSchemas#bind} made current on this
 * thread, else the default schema. Application-scoped and thread-bound, so it also answers for
 * background jobs (Quarkus asks only while a request context is active: the repositories activate
 * one with {@code @ActivateRequestContext}).
 */
@PersistenceUnitExtension
@ApplicationScoped
class SchemaTenantResolver implements TenantResolver {

  @Override
  public String getDefaultTenantId() {
    return TenantContext.DEFAULT;
  }

  @Override
  public String resolveTenantId() {
    return TenantContext.current();
  }
}
