package io.augment.adapter.in.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Installs {@link EdgeGuard} in front of every route, before Quarkus' own body limit. */
@ApplicationScoped
public class EdgeRoutes {
  private final EdgeConfig config;
  private final long maxRequestBytes;

  public EdgeRoutes(EdgeConfig config,
      @ConfigProperty(name = "augment.limits.max-request-bytes", defaultValue = "20000000") long maxRequestBytes) {
    this.config = config;
    this.maxRequestBytes = maxRequestBytes;
  }

  void install(@Observes Router router) {
    EdgeGuard guard = new EdgeGuard(new HeaderLimits(config.maxUriLength(), config.maxHeaderBytes()),
        new OriginPolicy(config.allowedOrigins().orElse(List.of())), new BodyLimit(maxRequestBytes));
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(guard);
  }
}
