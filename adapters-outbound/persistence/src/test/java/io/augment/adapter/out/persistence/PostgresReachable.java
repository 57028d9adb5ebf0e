package io.augment.adapter.out.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class when nothing listens on PostgreSQL's port. JUnit evaluates conditions before
 * any callback, so Quarkus never tries to boot against a missing server.
 */
class PostgresReachable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(PostgresProfile.HOST, PostgresProfile.PORT), 1_000);
      return ConditionEvaluationResult.enabled("PostgreSQL reachable");
    } catch (IOException e) {
      return ConditionEvaluationResult.disabled(
          "PostgreSQL not reachable at " + PostgresProfile.HOST + ":" + PostgresProfile.PORT
              + " (" + e.getMessage() + "); start it with "
              + "'pg_ctlcluster --skip-systemctl-redirect <version> main start' to run these tests");
    }
  }
}
