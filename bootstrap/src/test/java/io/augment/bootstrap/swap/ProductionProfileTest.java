package io.augment.bootstrap.swap;

import io.augment.bootstrap.TestPorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documented {@code production} configuration profile itself (PostgreSQL + Qdrant + an
 * OpenAI-compatible LLM, built for PostgreSQL), with only its endpoints replaced the way an operator
 * would: the real PostgreSQL on loopback, the in-process Qdrant protocol server, and this
 * application's own {@code /v1} as the LLM server.
 */
@QuarkusTest
@TestProfile(ProductionProfileTest.Production.class)
@ExtendWith(PostgresSwapTest.Reachable.class)
class ProductionProfileTest extends SwapScenario {
  public static class Production implements QuarkusTestProfile {
    private static final int PORT = TestPorts.free();

    @Override
    public String getConfigProfile() {
      return "production";
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(QdrantSwapTest.FakeQdrant.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.ofEntries(
          Map.entry("quarkus.http.test-port", String.valueOf(PORT)),
          Map.entry("augment.data-dir", "target/test-data/production-" + PORT),
          Map.entry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=augment_production"),
          Map.entry("quarkus.datasource.username", "postgres"),
          Map.entry("quarkus.flyway.schemas", "augment_production"),
          Map.entry("quarkus.flyway.clean-at-start", "true"),
          Map.entry("quarkus.flyway.clean-disabled", "false"),
          Map.entry("augment.generation.openai.base-url", "http://127.0.0.1:" + PORT + "/v1"),
          Map.entry("augment.generation.openai.model", "extractive"));
    }
  }

  @Override
  protected String expectedGenerator() {
    return "openai:extractive";
  }
}
