package io.augment.adapter.out.persistence;

import static io.augment.domain.testing.Fixtures.knowledgeBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.tenant.TenantFixtures;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With Hibernate's default schema set, every table is qualified and a tenant's connection schema
 * would be ignored: tenants are refused rather than silently served the default schema's rows.
 */
@QuarkusTest
@TestProfile(QualifiedTablesRefuseTenantsTest.Qualified.class)
class QualifiedTablesRefuseTenantsTest {
  public static class Qualified implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.hibernate-orm.database.default-schema", "PUBLIC");
    }
  }

  @Inject
  TenantSchemas schemas;

  @Inject
  HibernateKnowledgeBaseRepository knowledgeBases;

  @Test
  void tenantsAreRefusedAndTheDefaultTenantStillWorks() {
    TenantId tenant = TenantFixtures.uniqueTenant();

    assertThatThrownBy(() -> schemas.provision(tenant)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("default-schema");
    assertThatThrownBy(() -> schemas.bind(KnowledgeBaseRepository.class, knowledgeBases, tenant))
        .isInstanceOf(IllegalStateException.class);

    String name = Fixtures.uniqueName("kb");
    schemas.bind(KnowledgeBaseRepository.class, knowledgeBases, TenantId.DEFAULT).create(knowledgeBase(name));
    assertThat(knowledgeBases.find(name)).isPresent();
    assertThat(schemas.provisioned()).doesNotContain(tenant);
  }
}
