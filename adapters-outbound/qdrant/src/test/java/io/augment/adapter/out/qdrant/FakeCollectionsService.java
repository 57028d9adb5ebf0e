package io.augment.adapter.out.qdrant;

import static io.augment.adapter.out.qdrant.FakeQdrantServer.answer;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionDescription;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.ListCollectionsRequest;
import io.qdrant.client.grpc.Collections.ListCollectionsResponse;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.CollectionsGrpc;

/** Qdrant's collection RPCs the adapter uses, for collections with one unnamed cosine vector. */
final class FakeCollectionsService extends CollectionsGrpc.CollectionsImplBase {

  private final FakeQdrantStore store;

  FakeCollectionsService(FakeQdrantStore store) {
    this.store = store;
  }

  @Override
  public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> out) {
    answer(out, () -> {
      VectorParams vector = request.getVectorsConfig().getParams();
      if (!request.getVectorsConfig().hasParams() || vector.getDistance() != Distance.Cosine) {
        throw FakeQdrantStore.error(Status.UNIMPLEMENTED, "FakeQdrantServer only has single unnamed cosine vectors");
      }
      if (vector.getSize() < 1 || vector.getSize() > 65536) {
        throw FakeQdrantStore.error(Status.INVALID_ARGUMENT,
            "Validation error in body: [vectors_config.size: value " + vector.getSize() + " invalid, must be from 1 to 65536]");
      }
      store.create(request.getCollectionName(), (int) vector.getSize());
      return CollectionOperationResponse.newBuilder().setResult(true).build();
    });
  }

  @Override
  public void get(GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> out) {
    answer(out, () -> {
      FakeQdrantStore.Collection collection = store.get(request.getCollectionName());
      VectorParams vector = VectorParams.newBuilder().setSize(collection.dimension).setDistance(Distance.Cosine).build();
      CollectionInfo info = CollectionInfo.newBuilder()
          .setStatus(CollectionStatus.Green)
          .setPointsCount(collection.points.size())
          .setConfig(CollectionConfig.newBuilder().setParams(CollectionParams.newBuilder()
              .setShardNumber(1).setVectorsConfig(VectorsConfig.newBuilder().setParams(vector))))
          .build();
      return GetCollectionInfoResponse.newBuilder().setResult(info).build();
    });
  }

  /** Deleting an absent collection is no error in Qdrant; the result says whether anything changed. */
  @Override
  public void delete(DeleteCollection request, StreamObserver<CollectionOperationResponse> out) {
    answer(out, () -> CollectionOperationResponse.newBuilder().setResult(store.delete(request.getCollectionName())).build());
  }

  @Override
  public void collectionExists(CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> out) {
    answer(out, () -> CollectionExistsResponse.newBuilder()
        .setResult(CollectionExists.newBuilder().setExists(store.exists(request.getCollectionName()))).build());
  }

  @Override
  public void list(ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> out) {
    answer(out, () -> {
      ListCollectionsResponse.Builder response = ListCollectionsResponse.newBuilder();
      store.names().forEach(name -> response.addCollections(CollectionDescription.newBuilder().setName(name)));
      return response.build();
    });
  }
}
