package io.augment.adapter.in.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code augment.limits.max-request-bytes}, counted on the bytes actually received. A declared
 * {@code Content-Length} over the limit is refused before reading; a body of unknown length
 * (chunked, or HTTP/2 without a length) is read here, counting, and handed to routing only when
 * it ends within the limit.
 */
final class BodyLimit {
  private final long maxBytes;

  BodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  Optional<Refusal> checkDeclared(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length == null) {
      return Optional.empty();
    }
    try {
      long size = Long.parseLong(length.trim());
      return size > maxBytes ? Optional.of(tooLarge("is " + size + " bytes")) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.of(new Refusal(400, "invalid Content-Length", "Content-Length"));
    }
  }

  /** True when the body's length is not declared, so only reading it tells its size. */
  static boolean isOfUnknownLength(HttpServerRequest request) {
    if (request.getHeader("Content-Length") != null || request.isEnded()
        || request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
      return false;
    }
    return request.getHeader("Transfer-Encoding") != null || request.version() == HttpVersion.HTTP_2;
  }

  /**
   * Reads the whole body, then continues routing with it; past the limit answers 413 at once,
   * then discards what the client still sends (up to the limit again) before closing.
   */
  void readCounted(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    Buffer body = Buffer.buffer();
    long[] received = {0};
    boolean[] refused = {false};
    request.handler(chunk -> {
      received[0] += chunk.length();
      if (refused[0]) {
        if (received[0] > 2 * maxBytes) {
          request.connection().close();
        }
      } else if (received[0] > maxBytes) {
        refused[0] = true;
        tooLarge("is more than " + maxBytes + " bytes").send(rc);
      } else {
        body.appendBuffer(chunk);
      }
    });
    request.exceptionHandler(e -> {
      if (!refused[0]) {
        refused[0] = true;
        rc.fail(400, e);
      }
    });
    request.endHandler(ignored -> {
      if (!refused[0]) {
        rc.setBody(body);
        rc.next();
      }
    });
    request.resume();
  }

  private Refusal tooLarge(String size) {
    return new Refusal(413, "request body " + size + "; the limit is " + maxBytes
        + " bytes (augment.limits.max-request-bytes)", "body");
  }
}
