package io.augment.adapter.in.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Installs {@link EdgeGuard} in front of every route, before Quarkus' own body limit. */
@ApplicationScoped
public class EdgeRoutes {
  @ConfigProperty(name = "augment.limits.max-request-bytes", defaultValue = "20000000")
  long maxRequestBytes;

  /** Browser origins besides the server's own that may call the API (CORS); none by default. */
  @ConfigProperty(name = "augment.http.allowed-origins")
  Optional<List<String>> allowedOrigins;

  /** The longest request target (path and query) answered; longer gets 414 with a body. */
  @ConfigProperty(name = "augment.http.max-uri-length", defaultValue = "4096")
  int maxUriLength;

  /** The most header bytes a request may carry; more gets 431 with a body. */
  @ConfigProperty(name = "augment.http.max-header-bytes", defaultValue = "20480")
  int maxHeaderBytes;

  void install(@Observes Router router) {
    EdgeGuard guard = new EdgeGuard(new HeaderLimits(maxUriLength, maxHeaderBytes),
        new OriginPolicy(allowedOrigins.orElse(List.of())), new BodyLimit(maxRequestBytes));
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(guard);
  }
}
