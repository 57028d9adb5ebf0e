package io.augment.adapter.out.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bound-call timing on a real PostgreSQL; opt-in, and skipped when none is reachable. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresReachable.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true") // not inherited
class PostgresTenantSchemasBenchmarkTest extends TenantSchemasBenchmarkTest {}
