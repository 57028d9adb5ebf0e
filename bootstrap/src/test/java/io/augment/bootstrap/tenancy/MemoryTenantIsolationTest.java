package io.augment.bootstrap.tenancy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** Tenant isolation on the in-memory stores. */
@QuarkusTest
@TestProfile(MemoryTenantIsolationTest.Memory.class)
class MemoryTenantIsolationTest extends TenantIsolationContract {
  public static class Memory implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("augment.vector-store", "memory", "augment.metadata-store", "memory", "augment.engine.enabled", "false");
    }
  }
}
