package io.augment.domain.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Stores tenants (not their data: that lives in each tenant's own namespace of every backend).
 * Durable when a method returns. Contract suite: {@code TenantRepositoryContract}.
 */
public interface TenantRepository {

  /** Stores a new tenant. @throws io.augment.domain.model.AlreadyExistsException if the id is taken */
  void create(Tenant tenant);

  Optional<Tenant> find(TenantId id);

  /** Every tenant, ordered by id. */
  List<Tenant> list();

  /** Replaces the quotas; false when the tenant does not exist. */
  boolean updateQuotas(TenantId id, Quotas quotas);

  /** Removes the tenant and every key of it; false when it did not exist. */
  boolean delete(TenantId id);
}
