package io.augment.adapter.out.qdrant;

import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.FieldType;

/**
 * One Qdrant collection per knowledge base, named {@code <prefix><knowledge base>}: a single
 * unnamed cosine vector, and a keyword payload index on the document id (every replacement
 * deletes by it).
 */
final class QdrantCollections {

  private final QdrantCalls calls;
  private final String prefix;

  QdrantCollections(QdrantCalls calls, String prefix) {
    this.calls = calls;
    this.prefix = prefix;
  }

  String name(String knowledgeBase) {
    return prefix + knowledgeBase;
  }

  void create(String knowledgeBase, int dimension) {
    if (dimension <= 0) {
      throw new InvalidInputException("dimension", "must be positive");
    }
    if (exists(knowledgeBase)) {
      requireDimension(knowledgeBase, dimension);
      return;
    }
    VectorParams vector = VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build();
    try {
      calls.collections(knowledgeBase, stub -> stub.create(CreateCollection.newBuilder()
          .setCollectionName(name(knowledgeBase))
          .setVectorsConfig(VectorsConfig.newBuilder().setParams(vector))
          .build()));
    } catch (ConflictException createdMeanwhile) {
      requireDimension(knowledgeBase, dimension);
      return;
    }
    calls.points(knowledgeBase, stub -> stub.createFieldIndex(CreateFieldIndexCollection.newBuilder()
        .setCollectionName(name(knowledgeBase))
        .setFieldName(PayloadFields.DOCUMENT_ID)
        .setFieldType(FieldType.FieldTypeKeyword)
        .setWait(true)
        .build()));
  }

  boolean exists(String knowledgeBase) {
    return calls.collections(knowledgeBase, stub -> stub.collectionExists(
        CollectionExistsRequest.newBuilder().setCollectionName(name(knowledgeBase)).build())).getResult().getExists();
  }

  void drop(String knowledgeBase) {
    calls.collections(knowledgeBase, stub -> stub.delete(
        DeleteCollection.newBuilder().setCollectionName(name(knowledgeBase)).build()));
  }

  /** The collection's vector size; {@link NotFoundException} when it does not exist. */
  int dimension(String knowledgeBase) {
    VectorsConfig vectors = calls.collections(knowledgeBase, stub -> stub.get(
            GetCollectionInfoRequest.newBuilder().setCollectionName(name(knowledgeBase)).build()))
        .getResult().getConfig().getParams().getVectorsConfig();
    if (!vectors.hasParams() || vectors.getParams().getDistance() != Distance.Cosine) {
      throw new ConflictException("collection '" + name(knowledgeBase) + "' is not one cosine vector per point; Augment did not create it");
    }
    return (int) vectors.getParams().getSize();
  }

  private void requireDimension(String knowledgeBase, int dimension) {
    int existing = dimension(knowledgeBase);
    if (existing != dimension) {
      throw new ConflictException("collection '" + knowledgeBase + "' has dimension " + existing + ", not " + dimension);
    }
  }
}
