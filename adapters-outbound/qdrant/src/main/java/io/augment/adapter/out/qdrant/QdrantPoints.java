package io.augment.adapter.out.qdrant;

import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.ScoredChunk;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PayloadIncludeSelector;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The point RPCs of a knowledge base's collection; every write waits until Qdrant has applied it. */
final class QdrantPoints {

  /** Points per upsert request: ~1 MB at 1,536 dimensions and a few KB of text, under gRPC's 4 MB. */
  static final int UPSERT_BATCH = 128;
  private static final int SCROLL_PAGE = 256;
  private static final WithPayloadSelector CHUNK_FIELDS = WithPayloadSelector.newBuilder()
      .setInclude(PayloadIncludeSelector.newBuilder().addAllFields(ChunkPayloads.CHUNK_FIELDS)).build();

  private final QdrantCalls calls;
  private final QdrantCollections collections;

  QdrantPoints(QdrantCalls calls, QdrantCollections collections) {
    this.calls = calls;
    this.collections = collections;
  }

  void upsert(String knowledgeBase, List<EmbeddedChunk> chunks, long generation) {
    for (int from = 0; from < chunks.size(); from += UPSERT_BATCH) {
      List<PointStruct> batch = chunks.subList(from, Math.min(chunks.size(), from + UPSERT_BATCH)).stream()
          .map(c -> PointStruct.newBuilder()
              .setId(PointIds.of(c.chunk().id(), generation))
              .setVectors(VectorsFactory.vectors(c.vector()))
              .putAllPayload(ChunkPayloads.toPayload(c.chunk(), generation))
              .build())
          .toList();
      calls.points(knowledgeBase, stub -> stub.upsert(UpsertPoints.newBuilder()
          .setCollectionName(collections.name(knowledgeBase)).setWait(true).addAllPoints(batch).build()));
    }
  }

  void delete(String knowledgeBase, Filter filter) {
    calls.points(knowledgeBase, stub -> stub.delete(DeletePoints.newBuilder()
        .setCollectionName(collections.name(knowledgeBase)).setWait(true)
        .setPoints(PointsSelector.newBuilder().setFilter(filter)).build()));
  }

  List<ScoredChunk> search(String knowledgeBase, float[] vector, int topK, Filter filter) {
    SearchPoints.Builder request = SearchPoints.newBuilder()
        .setCollectionName(collections.name(knowledgeBase)).setFilter(filter).setLimit(topK).setWithPayload(CHUNK_FIELDS);
    for (float component : vector) {
      request.addVector(component);
    }
    return calls.points(knowledgeBase, stub -> stub.search(request.build())).getResultList().stream()
        .map(hit -> new ScoredChunk(ChunkPayloads.toChunk(hit.getPayloadMap()), unitScore(hit.getScore())))
        .toList();
  }

  long count(String knowledgeBase, Filter filter) {
    return calls.points(knowledgeBase, stub -> stub.count(CountPoints.newBuilder()
        .setCollectionName(collections.name(knowledgeBase)).setFilter(filter).setExact(true).build()))
        .getResult().getCount();
  }

  /** Every chunk matching {@code filter}, page by page, in (document id, index) order. */
  List<Chunk> all(String knowledgeBase, Filter filter) {
    List<Chunk> chunks = new ArrayList<>();
    PointId offset = null;
    do {
      ScrollPoints.Builder request = ScrollPoints.newBuilder().setCollectionName(collections.name(knowledgeBase))
          .setFilter(filter).setLimit(SCROLL_PAGE).setWithPayload(CHUNK_FIELDS);
      if (offset != null) {
        request.setOffset(offset);
      }
      ScrollResponse page = calls.points(knowledgeBase, stub -> stub.scroll(request.build()));
      for (RetrievedPoint point : page.getResultList()) {
        chunks.add(ChunkPayloads.toChunk(point.getPayloadMap()));
      }
      offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
    } while (offset != null);
    chunks.sort(Comparator.comparing(Chunk::documentId).thenComparingInt(Chunk::index));
    return chunks;
  }

  /** Qdrant's cosine similarity in [-1, 1] mapped to the port's [0, 1]. */
  static double unitScore(float cosine) {
    return Math.min(1, Math.max(0, (1 + (double) cosine) / 2));
  }
}
