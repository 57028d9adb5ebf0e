package io.augment.adapter.out.qdrant;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.augment.domain.retrieval.VectorIndex;
import io.augment.domain.retrieval.VectorIndexContract;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared contract against a real Qdrant at {@code QDRANT_URL} (its gRPC port, e.g.
 * {@code http://localhost:6334}; {@code QDRANT_API_KEY} if it needs one). Each test works in
 * collections of its own prefix and drops them afterwards.
 */
class QdrantVectorIndexRealServerTest extends VectorIndexContract {

  private static final String URL = System.getenv("QDRANT_URL");
  private static final String API_KEY = System.getenv("QDRANT_API_KEY");

  private final String prefix = "augment_test_" + UUID.randomUUID().toString().substring(0, 8) + "_";

  @BeforeAll
  static void sayWhyWhenSkipped() {
    if (URL == null || URL.isBlank()) {
      System.err.println("QdrantVectorIndexRealServerTest: QDRANT_URL not set: real-Qdrant contract run skipped");
    }
  }

  /** Skips each test with the reason, so the report counts what was not verified. */
  @Override
  protected VectorIndex newIndex() {
    assumeTrue(URL != null && !URL.isBlank(), "QDRANT_URL not set: real-Qdrant contract run skipped");
    QdrantEndpoint endpoint = QdrantEndpoint.parse(URL);
    return new QdrantVectorIndex(endpoint.host(), endpoint.port(), API_KEY, endpoint.useTls(), Duration.ofSeconds(10), 2, prefix);
  }

  @Override
  protected VectorIndex reopen(VectorIndex old) {
    ((QdrantVectorIndex) old).close();
    return newIndex();
  }

  @Override
  protected void close(VectorIndex index) {
    if (index == null) {
      return; // skipped
    }
    ((QdrantVectorIndex) index).close();
    QdrantEndpoint endpoint = QdrantEndpoint.parse(URL);
    QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(endpoint.host(), endpoint.port(), endpoint.useTls(), false);
    if (API_KEY != null && !API_KEY.isBlank()) {
      grpc.withApiKey(API_KEY);
    }
    try (QdrantClient client = new QdrantClient(grpc.build())) {
      for (String name : client.listCollectionsAsync(Duration.ofSeconds(10)).get()) {
        if (name.startsWith(prefix)) {
          client.deleteCollectionAsync(name, Duration.ofSeconds(10)).get();
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not drop the test collections " + prefix + "*", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
