package io.augment.adapter.out.persistence;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the suites against the PostgreSQL on {@value #HOST}:{@value #PORT} (database {@code test},
 * trust authentication) in a schema of their own, cleaned at start so reruns begin empty. The
 * schema is the connection's ({@code currentSchema}), not Hibernate's {@code default-schema}: tables
 * stay unqualified, so tenant schemas ({@link TenantSchemas}) work.
 */
public class PostgresProfile implements QuarkusTestProfile {
  static final String HOST = "127.0.0.1";
  static final int PORT = 5432;
  static final String SCHEMA = "augment_test";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.datasource.db-kind", "postgresql",
        "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + HOST + ":" + PORT + "/test?currentSchema=" + SCHEMA,
        "quarkus.datasource.username", "postgres",
        "quarkus.flyway.schemas", SCHEMA,
        "quarkus.flyway.clean-at-start", "true",
        "quarkus.flyway.clean-disabled", "false");
  }
}
