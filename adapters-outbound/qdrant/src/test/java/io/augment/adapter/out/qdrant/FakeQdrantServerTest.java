package io.augment.adapter.out.qdrant;

import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake keeps the Qdrant rules the adapter's tests rely on; checked through the real client. */
class FakeQdrantServerTest {

  private FakeQdrantServer server;
  private QdrantClient client;

  @BeforeEach
  void start() throws Exception {
    server = FakeQdrantServer.start();
    client = server.newClient();
    client.createCollectionAsync("c", VectorParams.newBuilder().setSize(2).setDistance(Distance.Cosine).build()).get();
  }

  @AfterEach
  void stop() throws InterruptedException {
    client.close();
    server.close();
  }

  @Test
  void acceptsUnsignedAndUuidIdsAndRefusesOthers() throws Exception {
    upsert(id(7), Map.of());
    upsert(PointId.newBuilder().setUuid("{6F1C2B1E-3D4A-4F7B-9A51-2C8E0D7B6A93}").build(), Map.of());
    upsert(PointId.newBuilder().setUuid("6f1c2b1e3d4a4f7b9a512c8e0d7b6a94").build(), Map.of());
    assertThat(server.store().get("c").points).containsKeys("1" + "6f1c2b1e-3d4a-4f7b-9a51-2c8e0d7b6a93");
    PointStruct named = PointStruct.newBuilder().setId(PointId.newBuilder().setUuid("doc#0"))
        .setVectors(VectorsFactory.vectors(1, 0)).build();
    assertThat(failure(() -> client.upsertAsync("c", List.of(named))))
        .isEqualTo(Status.Code.INVALID_ARGUMENT + ": Unable to parse UUID: doc#0");
  }

  @Test
  void refusesVectorsOfAnotherSizeWithQdrantsMessage() {
    PointStruct wide = PointStruct.newBuilder().setId(id(1)).setVectors(VectorsFactory.vectors(1, 0, 0)).build();
    assertThat(failure(() -> client.upsertAsync("c", List.of(wide)))).isEqualTo(
        Status.Code.INVALID_ARGUMENT + ": Wrong input: Vector dimension error: expected dim: 2, got 3");
    assertThat(server.store().get("c").points).isEmpty();
  }

  @Test
  void reportsAMissingCollectionAsNotFound() {
    assertThat(failure(() -> client.countAsync("absent"))).isEqualTo(
        Status.Code.NOT_FOUND + ": Not found: Collection `absent` doesn't exist!");
    assertThat(failure(() -> client.createCollectionAsync("c",
        VectorParams.newBuilder().setSize(2).setDistance(Distance.Cosine).build())))
        .isEqualTo(Status.Code.ALREADY_EXISTS + ": Wrong input: Collection `c` already exists!");
  }

  @Test
  void appliesMustShouldAndMustNotAndMatchesArraysElementWise() throws Exception {
    upsert(id(1), Map.of("k", value("a"), "tags", list(List.of(value("x"), value("y")))));
    upsert(id(2), Map.of("k", value("b")));
    upsert(id(3), Map.of());
    assertThat(search(Filter.newBuilder().addShould(matchKeyword("k", "a")).addShould(matchKeyword("k", "b")).build()))
        .containsExactlyInAnyOrder(1L, 2L);
    assertThat(search(Filter.newBuilder().addMustNot(matchKeyword("k", "a")).build())).containsExactlyInAnyOrder(2L, 3L);
    assertThat(search(Filter.newBuilder().addMust(matchKeywords("tags", List.of("y", "z"))).build())).containsExactly(1L);
    assertThat(search(Filter.newBuilder().addMust(filter(Filter.newBuilder()
        .addMustNot(matchKeyword("k", "b")).build())).build())).containsExactlyInAnyOrder(1L, 3L);
  }

  @Test
  void returnsPayloadOnlyWhenAskedFor() throws Exception {
    upsert(id(1), Map.of("k", value("a")));
    SearchPoints.Builder search = SearchPoints.newBuilder().setCollectionName("c").addVector(1).addVector(0).setLimit(1);
    assertThat(client.searchAsync(search.build()).get().get(0).getPayloadMap()).isEmpty();
    search.setWithPayload(WithPayloadSelector.newBuilder().setEnable(true));
    assertThat(client.searchAsync(search.build()).get().get(0).getPayloadMap()).containsKey("k");
  }

  private void upsert(PointId id, Map<String, Value> payload) throws Exception {
    client.upsertAsync("c", List.of(PointStruct.newBuilder().setId(id).setVectors(VectorsFactory.vectors(1, 0))
        .putAllPayload(payload).build())).get();
  }

  private List<Long> search(Filter filter) throws Exception {
    return client.searchAsync(SearchPoints.newBuilder().setCollectionName("c").addVector(1).addVector(0).setLimit(10)
        .setFilter(filter).build()).get().stream().map(p -> p.getId().getNum()).toList();
  }

  /** How the call failed, as "CODE: description". */
  private static String failure(Call call) {
    try {
      call.run().get();
    } catch (ExecutionException e) {
      Status status = ((StatusRuntimeException) e.getCause()).getStatus();
      return status.getCode() + ": " + status.getDescription();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("the call did not fail");
  }

  private interface Call {
    Future<?> run();
  }
}
