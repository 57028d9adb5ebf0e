package io.augment.adapter.out.qdrant;

import static io.augment.domain.testing.Chunks.chunk;
import static io.augment.domain.testing.Chunks.embedded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.Chunk;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.retrieval.VectorIndex;
import io.augment.domain.retrieval.VectorIndexContract;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shared contract, and what only this adapter does, against {@link FakeQdrantServer}. */
class QdrantVectorIndexFakeServerTest extends VectorIndexContract {

  private static final String PREFIX = "augment_";
  private static final int RETRIES = 2;

  private FakeQdrantServer server;
  private final List<QdrantClient> clients = new ArrayList<>();

  @Override
  protected VectorIndex newIndex() {
    server = FakeQdrantServer.start();
    return indexWith(Duration.ofSeconds(5), RETRIES);
  }

  @Override
  protected VectorIndex reopen(VectorIndex old) {
    ((QdrantVectorIndex) old).close();
    return indexWith(Duration.ofSeconds(5), RETRIES);
  }

  @Override
  protected void close(VectorIndex index) {
    ((QdrantVectorIndex) index).close();
    clients.forEach(QdrantClient::close);
    try {
      server.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private QdrantVectorIndex indexWith(Duration timeout, int retries) {
    QdrantClient client = server.newClient();
    clients.add(client);
    return new QdrantVectorIndex(client, timeout, retries, PREFIX);
  }

  // --- layout ---

  @Test
  void keepsEachKnowledgeBaseInAPrefixedCollectionIndexedByDocumentId() {
    index.createCollection("second", DIM);
    assertThat(server.store().names()).containsExactlyInAnyOrder("augment_kb", "augment_second");
    assertThat(server.store().get("augment_kb").indexedFields).containsExactly("document_id");
  }

  @Test
  void storesOnePointPerChunkUnderAUuidWithTheChunkAsPayload() {
    write("doc", chunk("doc", 0).text("first").meta("lang", "en").embedded(at(0)), embedded("doc", 1, at(10)));
    List<FakeQdrantStore.StoredPoint> points = List.copyOf(server.store().get("augment_kb").points.values());
    assertThat(points).hasSize(2).allSatisfy(p -> {
      assertThat(UUID.fromString(p.id().getUuid()).version()).isEqualTo(5);
      assertThat(p.payload().get("document_id").getStringValue()).isEqualTo("doc");
    });
    assertThat(points).anySatisfy(p -> {
      assertThat(p.payload().get("text").getStringValue()).isEqualTo("first");
      assertThat(p.payload().get("metadata").getStructValue().getFieldsMap().get("lang").getStringValue()).isEqualTo("en");
    });
  }

  @Test
  void filtersOnMetadataKeysThatAreNotPlainQdrantKeys() {
    write("a", chunk("a", 0).meta("a.b[0]", "x").meta("ключ", "значение").embedded(at(0)));
    write("b", chunk("b", 0).meta("a.b[0]", "y").embedded(at(10)));
    assertThat(ids(MetadataFilter.eq("a.b[0]", "x"))).containsExactly("a#0");
    assertThat(ids(MetadataFilter.eq("ключ", "значение"))).containsExactly("a#0");
  }

  @Test
  void comparesRangesExactlyOnValuesLongerThanTheStoredRankGroups() {
    String stem = "x".repeat(70);
    write("a", chunk("a", 0).meta("k", stem + "a").embedded(at(0)));
    write("b", chunk("b", 0).meta("k", stem + "b").embedded(at(10)));
    String bound = "x".repeat(PayloadFields.MAX_RANGE_BOUND);
    assertThat(ids(MetadataFilter.range("k", bound, null))).containsExactly("a#0", "b#0");
    assertThat(ids(MetadataFilter.range("k", null, bound))).isEmpty();
    assertThatThrownBy(() -> ids(MetadataFilter.range("k", stem, null))).isInstanceOf(InvalidInputException.class);
  }

  // --- failures, retries, timeouts ---

  @Test
  void retriesTransientFailures() {
    server.failNext("qdrant.Points/Upsert", RETRIES, Status.Code.UNAVAILABLE);
    write("doc", embedded("doc", 0, at(0)));
    assertThat(index.count(KB)).isEqualTo(1);
  }

  @Test
  void reportsTheBackendUnavailableWhenRetriesRunOut() {
    server.failNext("qdrant.Points/Search", RETRIES + 1, Status.Code.UNAVAILABLE);
    assertThatThrownBy(() -> index.search(KB, at(0), 1, MetadataFilter.ALL))
        .isInstanceOfSatisfying(BackendUnavailableException.class, e -> assertThat(e.backend()).isEqualTo("qdrant"))
        .hasMessageContaining("UNAVAILABLE after 3 attempt(s)");
    assertThat(index.search(KB, at(0), 1, MetadataFilter.ALL)).isEmpty();
  }

  @Test
  void doesNotRetryPermanentFailures() {
    server.failNext("qdrant.Points/Count", 2, Status.Code.PERMISSION_DENIED);
    assertThatThrownBy(() -> index.count(KB)).isInstanceOf(BackendUnavailableException.class);
    assertThatThrownBy(() -> index.count(KB)).isInstanceOf(BackendUnavailableException.class);
    assertThat(index.count(KB)).isZero();
  }

  @Test
  void givesUpOnASlowServerAfterTheTimeout() {
    VectorIndex impatient = indexWith(Duration.ofMillis(100), 0);
    server.delayEveryCall(Duration.ofSeconds(2));
    long started = System.nanoTime();
    assertThatThrownBy(() -> impatient.count(KB)).isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("DEADLINE_EXCEEDED");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    server.delayEveryCall(Duration.ZERO);
  }

  @Test
  void reportsARefusedConnectionAsBackendUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (QdrantVectorIndex unreachable =
        new QdrantVectorIndex("127.0.0.1", closedPort, null, false, Duration.ofSeconds(2), 1, PREFIX)) {
      assertThatThrownBy(() -> unreachable.collectionExists(KB)).isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("UNAVAILABLE");
    }
  }

  // --- replacement when a step fails ---

  @Test
  void aFailedUpsertLeavesTheOldVersionAloneAndCleansUp() {
    write("doc", version("v1", 3));
    server.failNext("qdrant.Points/Upsert", RETRIES + 1, Status.Code.UNAVAILABLE);
    assertThatThrownBy(() -> write("doc", version("v2", 2))).isInstanceOf(BackendUnavailableException.class);
    assertThat(texts()).containsOnly("v1").hasSize(3);
    assertThat(server.store().get("augment_kb").points).hasSize(3);
  }

  @Test
  void aFailedDeleteOfTheOldVersionStillShowsOnlyTheNewOne() {
    write("doc", version("v1", 3));
    server.failNext("qdrant.Points/Delete", RETRIES + 1, Status.Code.UNAVAILABLE);
    assertThatThrownBy(() -> write("doc", version("v2", 2))).isInstanceOf(BackendUnavailableException.class);
    assertThat(server.store().get("augment_kb").points).hasSize(5);
    assertThat(texts()).containsOnly("v2").hasSize(2);
    assertThat(index.count(KB)).isEqualTo(2);
    assertThat(index.allChunks(KB)).extracting(Chunk::text).containsOnly("v2");
    write("doc", version("v3", 1));
    assertThat(server.store().get("augment_kb").points).hasSize(1);
    assertThat(texts()).containsExactly("v3");
  }

  private List<String> texts() {
    return index.search(KB, at(0), 100, MetadataFilter.ALL).stream().map(h -> h.chunk().text()).toList();
  }

  private List<String> ids(MetadataFilter filter) {
    return index.search(KB, at(0), 10, filter).stream().map(ScoredChunk::chunk).map(Chunk::id).toList();
  }

  private static EmbeddedChunk[] version(String text, int size) {
    return IntStream.range(0, size).mapToObj(i -> chunk("doc", i).text(text).embedded(at(i))).toArray(EmbeddedChunk[]::new);
  }
}
