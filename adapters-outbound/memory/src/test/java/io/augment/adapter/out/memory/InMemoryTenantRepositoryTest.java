package io.augment.adapter.out.memory;

import io.augment.domain.tenant.ApiKeyRepository;
import io.augment.domain.tenant.TenantRepository;
import io.augment.domain.tenant.TenantRepositoryContract;

class InMemoryTenantRepositoryTest extends TenantRepositoryContract {
  private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  private final InMemoryTenantRepository tenants = new InMemoryTenantRepository(keys);

  @Override
  protected TenantRepository tenants() {
    return tenants;
  }

  @Override
  protected ApiKeyRepository keys() {
    return keys;
  }
}
