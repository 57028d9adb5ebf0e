package io.augment.bootstrap.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP/1.1 client that sends exactly the path and bytes it is given (no encoding, no
 * normalisation), so malformed requests reach the server as written.
 */
final class Http {
  /** The anti-CSRF header a browser page cannot send without a preflight; harmless where not required. */
  static final String CSRF_HEADER = "X-Augment-Request";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Map<String, String> always;

  Http(String base) {
    this(base, Map.of());
  }

  /** @param always headers sent with every request (e.g. an API key when authentication is on) */
  Http(String base, Map<String, String> always) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.always = Map.copyOf(always);
  }

  /** The same server with the {@code Authorization: Bearer} header of {@code key} on every request. */
  Http withKey(String key) {
    return new Http(base, Map.of("Authorization", "Bearer " + key));
  }

  /** One reply: its status, Content-Type (empty when none) and body as text. */
  record Reply(int status, String contentType, String body) {
    /** Status, type and the start of the body, for assertion messages. */
    String summary() {
      String text = body.length() > 300 ? body.substring(0, 300) + "..." : body;
      return status + " (" + (contentType.isEmpty() ? "no Content-Type" : contentType) + "): " + text.replace('\n', ' ');
    }
  }

  Reply get(String path) {
    return send("GET", path, null, null, Map.of());
  }

  Reply delete(String path) {
    return send("DELETE", path, null, null, Map.of());
  }

  Reply json(String method, String path, String json) {
    return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** {@code contentType} null sends none; {@code body} null sends no body. */
  Reply send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header(CSRF_HEADER, "1")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    always.forEach((name, value) -> {
      if (!headers.containsKey(name)) {
        request.header(name, value);
      }
    });
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " got no reply", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
