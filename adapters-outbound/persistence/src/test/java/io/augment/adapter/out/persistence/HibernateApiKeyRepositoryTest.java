package io.augment.adapter.out.persistence;

import io.augment.domain.tenant.ApiKeyRepository;
import io.augment.domain.tenant.ApiKeyRepositoryContract;
import io.augment.domain.tenant.TenantRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The contract on H2, with the schema Flyway builds and Hibernate validates. */
@QuarkusTest
class HibernateApiKeyRepositoryTest extends ApiKeyRepositoryContract {

  @Inject
  HibernateTenantRepository tenants;

  @Inject
  HibernateApiKeyRepository keys;

  @Override
  protected TenantRepository tenants() {
    return tenants;
  }

  @Override
  protected ApiKeyRepository keys() {
    return keys;
  }
}
