package io.augment.adapter.out.qdrant;

import static io.augment.adapter.out.qdrant.FakeQdrantServer.answer;
import static io.augment.adapter.out.qdrant.FakeQdrantStore.error;

import io.augment.adapter.out.qdrant.FakeQdrantStore.Collection;
import io.augment.adapter.out.qdrant.FakeQdrantStore.StoredPoint;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.PointsGrpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Qdrant's point RPCs the adapter uses. Requests are checked whole before anything is written (ids,
 * vector sizes); then points change one at a time. Search is exact: cosine of normalised vectors,
 * best first, after the filter. Payload comes back only when asked for ({@link FakePayloads}).
 */
final class FakePointsService extends PointsGrpc.PointsImplBase {

  private static final int DEFAULT_SCROLL_LIMIT = 10;

  private final FakeQdrantStore store;

  FakePointsService(FakeQdrantStore store) {
    this.store = store;
  }

  @Override
  public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> out) {
    answer(out, () -> {
      Collection collection = store.get(request.getCollectionName());
      List<StoredPoint> points = new ArrayList<>();
      for (PointStruct point : request.getPointsList()) {
        FakeQdrantStore.key(point.getId());
        float[] vector = FakeQdrantStore.checkedVector(collection, vector(point));
        points.add(new StoredPoint(point.getId(), FakeQdrantStore.normalised(vector), Map.copyOf(point.getPayloadMap())));
      }
      points.forEach(collection::put);
      return completed(request.getWait());
    });
  }

  @Override
  public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> out) {
    answer(out, () -> {
      Collection collection = store.get(request.getCollectionName());
      List<String> keys = switch (request.getPoints().getPointsSelectorOneOfCase()) {
        case POINTS -> request.getPoints().getPoints().getIdsList().stream().map(FakeQdrantStore::key).toList();
        case FILTER -> collection.points.values().stream()
            .filter(p -> FakeFilters.matches(request.getPoints().getFilter(), p.payload()))
            .map(p -> FakeQdrantStore.key(p.id())).toList();
        default -> throw error(Status.INVALID_ARGUMENT, "Wrong input: points selector is missing");
      };
      keys.forEach(collection::remove);
      return completed(request.getWait());
    });
  }

  @Override
  public void createFieldIndex(CreateFieldIndexCollection request, StreamObserver<PointsOperationResponse> out) {
    answer(out, () -> {
      store.get(request.getCollectionName()).indexedFields.add(request.getFieldName());
      return completed(request.getWait());
    });
  }

  @Override
  public void search(SearchPoints request, StreamObserver<SearchResponse> out) {
    answer(out, () -> {
      Collection collection = store.get(request.getCollectionName());
      if (request.hasVectorName() && !request.getVectorName().isEmpty()) {
        throw error(Status.INVALID_ARGUMENT, "Wrong input: Not existing vector name error: " + request.getVectorName());
      }
      if (request.getLimit() < 1) {
        throw error(Status.INVALID_ARGUMENT, "Validation error in body: [limit: value 0 invalid, must be 1 or larger]");
      }
      float[] query = new float[request.getVectorCount()];
      for (int i = 0; i < query.length; i++) {
        query[i] = request.getVector(i);
      }
      float[] normal = FakeQdrantStore.normalised(FakeQdrantStore.checkedVector(collection, query));
      SearchResponse.Builder response = SearchResponse.newBuilder();
      collection.points.values().stream()
          .filter(p -> FakeFilters.matches(request.getFilter(), p.payload()))
          .map(p -> ScoredPoint.newBuilder().setId(p.id()).setScore(dot(normal, p.vector()))
              .putAllPayload(FakePayloads.selected(request.getWithPayload(), p.payload())).build())
          .filter(p -> !request.hasScoreThreshold() || p.getScore() >= request.getScoreThreshold())
          .sorted(Comparator.comparingDouble(ScoredPoint::getScore).reversed())
          .skip(request.getOffset())
          .limit(request.getLimit())
          .forEach(response::addResult);
      return response.build();
    });
  }

  @Override
  public void scroll(ScrollPoints request, StreamObserver<ScrollResponse> out) {
    answer(out, () -> {
      Collection collection = store.get(request.getCollectionName());
      int limit = request.hasLimit() ? request.getLimit() : DEFAULT_SCROLL_LIMIT;
      String from = request.hasOffset() ? FakeQdrantStore.key(request.getOffset()) : "";
      List<StoredPoint> page = collection.points.tailMap(from).values().stream()
          .filter(p -> FakeFilters.matches(request.getFilter(), p.payload()))
          .limit(limit + 1L)
          .toList();
      ScrollResponse.Builder response = ScrollResponse.newBuilder();
      page.stream().limit(limit).forEach(p -> response.addResult(RetrievedPoint.newBuilder().setId(p.id())
          .putAllPayload(FakePayloads.selected(request.getWithPayload(), p.payload()))));
      if (page.size() > limit) {
        response.setNextPageOffset(page.get(limit).id());
      }
      return response.build();
    });
  }

  @Override
  public void count(CountPoints request, StreamObserver<CountResponse> out) {
    answer(out, () -> {
      long count = store.get(request.getCollectionName()).points.values().stream()
          .filter(p -> FakeFilters.matches(request.getFilter(), p.payload())).count();
      return CountResponse.newBuilder().setResult(CountResult.newBuilder().setCount(count)).build();
    });
  }

  @SuppressWarnings("deprecation") // Vector.data: how clients before 1.13 sent dense vectors
  private static float[] vector(PointStruct point) {
    if (!point.hasVectors() || !point.getVectors().hasVector()) {
      throw error(Status.INVALID_ARGUMENT, "Wrong input: FakeQdrantServer needs one unnamed dense vector per point");
    }
    Vector vector = point.getVectors().getVector();
    List<Float> data = vector.hasDense() ? vector.getDense().getDataList() : vector.getDataList();
    float[] out = new float[data.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = data.get(i);
    }
    return out;
  }

  private static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static PointsOperationResponse completed(boolean waited) {
    return PointsOperationResponse.newBuilder().setResult(UpdateResult.newBuilder()
        .setStatus(waited ? UpdateStatus.Completed : UpdateStatus.Acknowledged)).build();
  }
}
