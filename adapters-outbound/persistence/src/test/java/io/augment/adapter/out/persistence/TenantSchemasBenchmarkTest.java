package io.augment.adapter.out.persistence;

import static io.augment.domain.testing.Fixtures.knowledgeBase;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.tenant.TenantFixtures;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times a knowledge-base find bound to a tenant against the same find unbound (each one
 * transaction), in alternating rounds. Opt-in, as timings on shared machines are noise: {@code mvn
 * -pl adapters-outbound/persistence test -Dtest='TenantSchemasBenchmarkTest' -Dbenchmark=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TenantSchemasBenchmarkTest {
  private static final int CALLS = 5_000;
  private static final int ROUNDS = 12;

  @Inject
  TenantSchemas schemas;

  @Inject
  HibernateKnowledgeBaseRepository knowledgeBases;

  @Inject
  io.agroal.api.AgroalDataSource dataSource;

  @Test
  void boundFindCostsLittleMoreThanUnbound() {
    TenantId tenant = TenantFixtures.uniqueTenant();
    schemas.provision(tenant);
    String name = Fixtures.uniqueName("kb");
    KnowledgeBaseRepository bound = schemas.bind(KnowledgeBaseRepository.class, knowledgeBases, tenant);
    bound.create(knowledgeBase(name));
    knowledgeBases.create(knowledgeBase(name));
    try {
      time(bound, name);
      time(knowledgeBases, name); // warm-up
      for (int round = 0; round < ROUNDS; round++) {
        double unbound = time(knowledgeBases, name);
        double tenantBound = time(bound, name);
        System.out.printf("round %d: unbound %.1f us/find, bound %.1f us/find (%+.1f us); switching one connection "
            + "there and back alone %.1f us%n", round, unbound, tenantBound, tenantBound - unbound, switchPair(tenant));
      }
    } finally {
      knowledgeBases.delete(name);
      schemas.drop(tenant);
    }
  }

  /** Microseconds to switch one connection to the tenant's schema and back, the JDBC part of a bound call. */
  private double switchPair(TenantId tenant) {
    try (java.sql.Connection connection = dataSource.getConnection()) {
      String home = connection.getSchema();
      String schema = TenantSchemas.storedName(tenant, connection.getMetaData());
      long start = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        connection.setSchema(schema);
        connection.setSchema(home);
      }
      return (System.nanoTime() - start) / 1_000.0 / CALLS;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double time(KnowledgeBaseRepository repository, String name) {
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      assertThat(repository.find(name)).isPresent();
    }
    return (System.nanoTime() - start) / 1_000.0 / CALLS;
  }
}
