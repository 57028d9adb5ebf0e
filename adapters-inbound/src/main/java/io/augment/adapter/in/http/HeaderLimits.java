package io.augment.adapter.in.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The request-target and header-size limits, refused with a body (414, 431). The HTTP codec's
 * own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are
 * set well above these: beyond them the codec answers before any handler, with no body.
 */
final class HeaderLimits {
  private final int maxUriLength;
  private final int maxHeaderBytes;

  HeaderLimits(int maxUriLength, int maxHeaderBytes) {
    this.maxUriLength = maxUriLength;
    this.maxHeaderBytes = maxHeaderBytes;
  }

  Optional<Refusal> check(HttpServerRequest request) {
    int uri = request.uri().length();
    if (uri > maxUriLength) {
      return Optional.of(new Refusal(414, "the request target is " + uri + " characters; the limit is "
          + maxUriLength + " (augment.http.max-uri-length)", "path"));
    }
    long bytes = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      bytes += header.getKey().length() + header.getValue().length() + 4;
    }
    if (bytes > maxHeaderBytes) {
      return Optional.of(new Refusal(431, "the request headers are " + bytes + " bytes; the limit is "
          + maxHeaderBytes + " (augment.http.max-header-bytes)", "headers"));
    }
    return Optional.empty();
  }
}
