package io.augment.bootstrap.swap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

@QuarkusTest
@TestProfile(MemorySwapTest.Memory.class)
class MemorySwapTest extends SwapScenario {
  public static class Memory implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("augment.vector-store", "memory", "augment.metadata-store", "memory");
    }
  }

  @Override
  protected String expectedGenerator() {
    return "extractive";
  }
}
