package io.augment.adapter.in.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks every HTTP request passes before routing, in order: a raw path that cannot change
 * which resource it names (all paths), then for the REST and OpenAI APIs the URI and header
 * limits, the origin, the cross-site rule and the body limit. gRPC calls share the port and skip
 * all but the path check: they have their own limits and no browser can make one.
 */
final class EdgeGuard implements Handler<RoutingContext> {
  private final HeaderLimits headerLimits;
  private final OriginPolicy origins;
  private final BodyLimit bodyLimit;

  EdgeGuard(HeaderLimits headerLimits, OriginPolicy origins, BodyLimit bodyLimit) {
    this.headerLimits = headerLimits;
    this.origins = origins;
    this.bodyLimit = bodyLimit;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    String path = request.path();
    Optional<Refusal> refusal = RawPath.check(path);
    if (refusal.isEmpty() && EdgePaths.isApi(path) && !isGrpc(request)) {
      refusal = headerLimits.check(request)
          .or(() -> origins.check(request))
          .or(() -> CrossSiteRule.check(request))
          .or(() -> bodyLimit.checkDeclared(request));
      if (refusal.isEmpty() && OriginPolicy.answerPreflight(request)) {
        return;
      }
      if (refusal.isEmpty() && BodyLimit.isOfUnknownLength(request)) {
        bodyLimit.readCounted(rc);
        return;
      }
    }
    refusal.ifPresentOrElse(r -> r.send(rc), rc::next);
  }

  static boolean isGrpc(HttpServerRequest request) {
    String type = request.getHeader("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/grpc");
  }
}
