package io.augment.adapter.in.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Browser origins that may call the API: the server's own origin, and those listed in
 * {@code augment.http.allowed-origins}. A request from any other origin is refused; a request
 * from a listed origin gets the CORS headers (and its preflight an answer) a browser needs.
 */
final class OriginPolicy {
  static final String ORIGIN = "Origin";
  private static final String ALLOWED_HEADERS = "Content-Type, Accept, Authorization, " + CrossSiteRule.HEADER;

  private final Set<String> allowed;

  OriginPolicy(List<String> allowedOrigins) {
    this.allowed = allowedOrigins.stream().map(OriginPolicy::normal).collect(Collectors.toUnmodifiableSet());
  }

  /** Refuses a foreign origin; for a listed one adds the CORS headers to the response. */
  Optional<Refusal> check(HttpServerRequest request) {
    String origin = request.getHeader(ORIGIN);
    if (origin == null || isOwn(request, origin)) {
      return Optional.empty();
    }
    if (!allowed.contains(normal(origin))) {
      return Optional.of(new Refusal(403, "cross-origin request from " + shown(origin)
          + " refused; list the origin in augment.http.allowed-origins to allow it", ORIGIN));
    }
    HttpServerResponse response = request.response();
    response.putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", ORIGIN);
    return Optional.empty();
  }

  /** A CORS preflight from an allowed origin, answered here (after {@link #check} let it through). */
  static boolean answerPreflight(HttpServerRequest request) {
    if (request.method() != HttpMethod.OPTIONS || request.getHeader("Access-Control-Request-Method") == null
        || request.getHeader(ORIGIN) == null) {
      return false;
    }
    request.response().setStatusCode(204)
        .putHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
        .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
        .putHeader("Access-Control-Max-Age", "600").end();
    return true;
  }

  private static boolean isOwn(HttpServerRequest request, String origin) {
    String host = request.getHeader("Host");
    return host != null && normal(origin).equals(normal(request.scheme() + "://" + host));
  }

  /** Lower case, no trailing slash, no default port. */
  private static String normal(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    o = o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    if (o.startsWith("http://") && o.endsWith(":80")) {
      return o.substring(0, o.length() - 3);
    }
    return o.startsWith("https://") && o.endsWith(":443") ? o.substring(0, o.length() - 4) : o;
  }

  private static String shown(String origin) {
    return origin.length() > 100 ? origin.substring(0, 100) + "..." : origin;
  }
}
