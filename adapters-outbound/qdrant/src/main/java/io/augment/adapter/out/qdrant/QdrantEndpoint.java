package io.augment.adapter.out.qdrant;

import java.net.URI;

/**
 * Where Qdrant's gRPC API listens, read from a URL such as {@code http://localhost:6334} (plain
 * text) or {@code https://xyz.cloud.qdrant.io:6334} (TLS). Without a scheme, plain text is assumed;
 * without a port, 6334 (Qdrant's gRPC port; 6333 is its REST port, which this adapter does not use).
 */
public record QdrantEndpoint(String host, int port, boolean useTls) {

  public static final int DEFAULT_GRPC_PORT = 6334;

  public QdrantEndpoint {
    if (host == null || host.isBlank() || port <= 0 || port > 65535) {
      throw new IllegalArgumentException("a Qdrant endpoint needs a host and a port in 1..65535");
    }
  }

  public static QdrantEndpoint parse(String url) {
    String trimmed = url.strip();
    URI uri = URI.create(trimmed.contains("://") ? trimmed : "http://" + trimmed);
    boolean tls = switch (uri.getScheme()) {
      case "http", "grpc" -> false;
      case "https", "grpcs" -> true;
      default -> throw new IllegalArgumentException("unsupported scheme in Qdrant URL " + url);
    };
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host in Qdrant URL " + url);
    }
    return new QdrantEndpoint(uri.getHost(), uri.getPort() == -1 ? DEFAULT_GRPC_PORT : uri.getPort(), tls);
  }
}
