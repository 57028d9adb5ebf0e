package io.augment.adapter.in.http;

import io.augment.adapter.in.AuditWriter;
import io.augment.adapter.in.AuthMode;
import io.augment.application.tenant.Authenticator;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Installs {@link EdgeGuard}, then {@link AuthGuard}, in front of every route, before Quarkus' own body limit. */
@ApplicationScoped
public class EdgeRoutes {
  private final EdgeConfig config;
  private final long maxRequestBytes;
  private final AuthMode mode;
  private final Authenticator authenticator;
  private final AuditWriter audit;

  public EdgeRoutes(EdgeConfig config,
      @ConfigProperty(name = "augment.limits.max-request-bytes", defaultValue = "20000000") long maxRequestBytes,
      AuthMode mode, Authenticator authenticator, AuditWriter audit) {
    this.config = config;
    this.maxRequestBytes = maxRequestBytes;
    this.mode = mode;
    this.authenticator = authenticator;
    this.audit = audit;
  }

  void install(@Observes Router router) {
    EdgeGuard guard = new EdgeGuard(new HeaderLimits(config.maxUriLength(), config.maxHeaderBytes()),
        new OriginPolicy(config.allowedOrigins().orElse(List.of())), new BodyLimit(maxRequestBytes));
    // One route, two handlers: the edge checks, then authentication (and the audit of the outcome).
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(guard)
        .handler(new AuthGuard(mode, authenticator, audit));
  }
}
