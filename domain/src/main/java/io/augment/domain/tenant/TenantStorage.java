package io.augment.domain.tenant;

/**
 * Each tenant's own namespace in every backend (a database schema, {@code tenants/<id>} folders,
 * collection-name prefixes), created before the tenant's first use and removed with the tenant.
 * Both are idempotent. The operator's tenant {@link TenantId#DEFAULT} uses the deployment's original
 * namespaces and is never removed.
 */
public interface TenantStorage {

  /** Creates the tenant's namespaces (and brings them to the current schema version). */
  void provision(TenantId tenant);

  /** Removes everything stored under the tenant's namespaces. */
  void purge(TenantId tenant);
}
