package io.augment.bootstrap.tenancy;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant isolation with records in PostgreSQL: a schema per tenant beside the operator's. */
@QuarkusTest
@TestProfile(io.augment.bootstrap.swap.PostgresSwapTest.Postgres.class)
@Tag("shared-postgres")
@ExtendWith(io.augment.bootstrap.swap.PostgresSwapTest.Reachable.class)
class PostgresTenantIsolationTest extends TenantIsolationContract {}
