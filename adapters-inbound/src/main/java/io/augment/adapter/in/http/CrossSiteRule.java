package io.augment.adapter.in.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery guard. A web page on any origin can make a browser POST without a
 * preflight when the body is one of the CORS "simple" types (or has no type), so such a POST
 * must carry {@value #HEADER}, which a foreign page cannot add without a preflight (and the
 * preflight is refused by {@link OriginPolicy}). A bearer token or {@code X-API-Key} marks it just as
 * well (a browser never adds either by itself), so API clients such as OpenAI's SDKs uploading
 * files need no extra header. JSON and gRPC requests are unaffected. PUT,
 * PATCH and DELETE are always preflighted by browsers, so the origin check covers them.
 */
final class CrossSiteRule {
  /** The header that marks a POST as deliberate; any non-blank value (e.g. {@code 1}) works. */
  static final String HEADER = "X-Augment-Request";
  private static final Set<String> SIMPLE_TYPES = Set.of(
      "application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  private CrossSiteRule() {}

  static Optional<Refusal> check(HttpServerRequest request) {
    if (request.method() != HttpMethod.POST) {
      return Optional.empty();
    }
    String type = request.getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.isEmpty() && !SIMPLE_TYPES.contains(media)) {
      return Optional.empty();
    }
    if (deliberate(request)) {
      if (media.isEmpty() && hasBody(request)) {
        return Optional.of(new Refusal(415, "a request body needs a Content-Type: send application/json "
            + "(or multipart/form-data for a file upload)", "Content-Type"));
      }
      return Optional.empty();
    }
    String what = media.isEmpty() ? "a POST without Content-Type" : "a " + media + " POST";
    return Optional.of(new Refusal(403, what + " needs the header " + HEADER
        + ": 1 (a web page on another site could send it otherwise); JSON requests need no header", HEADER));
  }

  private static boolean deliberate(HttpServerRequest request) {
    String marker = request.getHeader(HEADER);
    String key = request.getHeader("X-API-Key");
    String authorization = request.getHeader("Authorization");
    return marker != null && !marker.isBlank() || key != null && !key.isBlank()
        || authorization != null && authorization.strip().regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length != null) {
      return !length.trim().equals("0");
    }
    return request.getHeader("Transfer-Encoding") != null;
  }
}
