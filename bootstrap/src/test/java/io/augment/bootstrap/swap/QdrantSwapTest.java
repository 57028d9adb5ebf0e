package io.augment.bootstrap.swap;

import io.augment.adapter.out.qdrant.FakeQdrantServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;

/**
 * Vectors in Qdrant: the application talks gRPC over loopback to the in-process fake Qdrant server
 * (the same one the adapter's contract suite runs against). A real Qdrant is exercised by the
 * adapter's QdrantVectorIndexRealServerTest when QDRANT_URL is set.
 */
@QuarkusTest
@TestProfile(QdrantSwapTest.Qdrant.class)
@Tag("shared-qdrant")
public class QdrantSwapTest extends SwapScenario {
  public static class Qdrant implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FakeQdrant.class));
    }
  }

  public static class FakeQdrant implements QuarkusTestResourceLifecycleManager {
    private FakeQdrantServer server;

    @Override
    public Map<String, String> start() {
      server = FakeQdrantServer.startOnLoopback();
      return Map.of("augment.vector-store", "qdrant", "augment.qdrant.url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
      try {
        server.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  protected String expectedGenerator() {
    return "extractive";
  }
}
