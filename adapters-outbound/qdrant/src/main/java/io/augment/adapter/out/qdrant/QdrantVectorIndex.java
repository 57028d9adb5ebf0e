package io.augment.adapter.out.qdrant;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.retrieval.VectorIndex;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Common.Filter;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;

/**
 * A {@link VectorIndex} on a Qdrant server, spoken to over gRPC: one collection per knowledge base
 * ({@code <collectionPrefix><knowledge base>}, cosine distance), one point per chunk carrying the
 * chunk and its metadata as payload. Needs Qdrant 1.13 or later.
 *
 * <p>Qdrant has no multi-point transactions, so {@link #replaceDocument} writes the new version
 * beside the old one under a fresh generation, then deletes the old one. The atomicity the port
 * promises holds for every search, count and listing made through this instance (see
 * {@link DocumentVisibility}); another process reading the same collection may, between the two
 * steps, see chunks of both versions (none of the document only while it is being deleted). A write
 * that fails half way stays invisible to this instance until the document is written again; after a
 * restart its leftovers are visible until then. Every RPC has {@code timeout} per attempt and is retried {@code retries}
 * times when Qdrant is unavailable, overloaded or slow; then it fails with
 * {@link io.augment.domain.model.BackendUnavailableException}.
 */
public final class QdrantVectorIndex implements VectorIndex, Closeable {

  private final QdrantClient client;
  private final boolean ownsClient;
  private final QdrantCollections collections;
  private final QdrantPoints points;
  private final DocumentVisibility visibility = new DocumentVisibility();
  private final DocumentReplacer replacer;

  /** Uses {@code client}, which the caller keeps and closes. */
  public QdrantVectorIndex(QdrantClient client, Duration timeout, int retries, String collectionPrefix) {
    this(client, false, timeout, retries, collectionPrefix);
  }

  /** Connects to Qdrant's gRPC port; {@code apiKey} may be null. {@link #close} disconnects. */
  public QdrantVectorIndex(String host, int port, String apiKey, boolean useTls, Duration timeout, int retries,
      String collectionPrefix) {
    this(connect(host, port, apiKey, useTls), true, timeout, retries, collectionPrefix);
  }

  private QdrantVectorIndex(QdrantClient client, boolean ownsClient, Duration timeout, int retries, String prefix) {
    this.client = client;
    this.ownsClient = ownsClient;
    QdrantCalls calls = new QdrantCalls(client.grpcClient(), timeout, retries);
    this.collections = new QdrantCollections(calls, prefix == null ? "" : prefix);
    this.points = new QdrantPoints(calls, collections);
    this.replacer = new DocumentReplacer(collections, points, visibility);
  }

  private static QdrantClient connect(String host, int port, String apiKey, boolean useTls) {
    // No version check: it is a blocking call without deadline at construction.
    QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(host, port, useTls, false);
    if (apiKey != null && !apiKey.isBlank()) {
      grpc.withApiKey(apiKey);
    }
    return new QdrantClient(grpc.build());
  }

  @Override
  public void createCollection(String knowledgeBase, int dimension) {
    collections.create(knowledgeBase, dimension);
  }

  @Override
  public void dropCollection(String knowledgeBase) {
    collections.drop(knowledgeBase);
    visibility.forget(collections.name(knowledgeBase));
  }

  @Override
  public boolean collectionExists(String knowledgeBase) {
    return collections.exists(knowledgeBase);
  }

  @Override
  public void replaceDocument(String knowledgeBase, String documentId, List<EmbeddedChunk> chunks) {
    replacer.replace(knowledgeBase, documentId, chunks);
  }

  @Override
  public List<ScoredChunk> search(String knowledgeBase, float[] vector, int topK, MetadataFilter filter) {
    if (topK <= 0) {
      throw new InvalidInputException("topK", "must be positive");
    }
    Filter.Builder matching = Filter.newBuilder().addAllMust(QdrantFilters.conditions(filter));
    return visibility.read(collections.name(knowledgeBase),
        excluded -> points.search(knowledgeBase, vector, topK, matching.addAllMustNot(excluded).build()));
  }

  @Override
  public long count(String knowledgeBase) {
    return visibility.read(collections.name(knowledgeBase),
        excluded -> points.count(knowledgeBase, Filter.newBuilder().addAllMustNot(excluded).build()));
  }

  @Override
  public List<Chunk> allChunks(String knowledgeBase) {
    return visibility.read(collections.name(knowledgeBase),
        excluded -> points.all(knowledgeBase, Filter.newBuilder().addAllMustNot(excluded).build()));
  }

  /** Closes the connection if this index opened it. */
  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
