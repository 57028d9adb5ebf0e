package io.augment.bootstrap.swap;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Records in PostgreSQL (schema from the same Flyway migrations), vectors in Lucene. */
@QuarkusTest
@TestProfile(PostgresSwapTest.Postgres.class)
@Tag("shared-postgres")
@ExtendWith(PostgresSwapTest.Reachable.class)
public class PostgresSwapTest extends SwapScenario {
  public static class Postgres implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.db-kind", "postgresql",
          "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=augment_swap",
          "quarkus.datasource.username", "postgres",
          "quarkus.flyway.schemas", "augment_swap",
          "quarkus.flyway.clean-at-start", "true",
          "quarkus.flyway.clean-disabled", "false");
    }
  }

  /** Skips before Quarkus boots when no PostgreSQL listens on 127.0.0.1:5432. */
  public static class Reachable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1_000);
        return ConditionEvaluationResult.enabled("PostgreSQL reachable");
      } catch (IOException e) {
        return ConditionEvaluationResult.disabled("PostgreSQL not reachable at 127.0.0.1:5432 (" + e.getMessage()
            + "); start it with 'pg_ctlcluster --skip-systemctl-redirect <version> main start' to run this scenario");
      }
    }
  }

  @Override
  protected String expectedGenerator() {
    return "extractive";
  }
}
