package io.augment.bootstrap;

import io.augment.domain.tenant.TenantId;

/** Each tenant's database namespace, for the {@code jpa} metadata store. */
interface SchemaNamespaces {
  void provision(TenantId tenant);

  void drop(TenantId tenant);

  /** Whether the tenant's namespace exists (it may outlive the tenant's record after a crash). */
  boolean exists(TenantId tenant);

  /** {@code delegate} with every call run against the tenant's namespace. */
  <T> T bind(Class<T> port, T delegate, TenantId tenant);
}
