package io.augment.bootstrap.tenancy;

import io.augment.bootstrap.swap.MemorySwapTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** Tenant isolation on the in-memory stores. */
@QuarkusTest
@TestProfile(MemorySwapTest.Memory.class)
@Tag("shared-memory")
class MemoryTenantIsolationTest extends TenantIsolationContract {}
