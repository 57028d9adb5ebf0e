package io.augment.adapter.out.memory;

import io.augment.domain.tenant.ApiKeyRepository;
import io.augment.domain.tenant.ApiKeyRepositoryContract;
import io.augment.domain.tenant.TenantRepository;

class InMemoryApiKeyRepositoryTest extends ApiKeyRepositoryContract {
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
