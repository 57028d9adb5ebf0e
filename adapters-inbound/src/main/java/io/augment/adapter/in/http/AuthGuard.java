package io.augment.adapter.in.http;

import io.augment.adapter.in.AuditWriter;
import io.augment.adapter.in.AuthMode;
import io.augment.adapter.in.Callers;
import io.augment.application.tenant.Authenticator;
import io.augment.application.tenant.Principal;
import io.augment.domain.model.QuotaExceededException;
import io.augment.domain.model.UnauthenticatedException;
import io.augment.domain.tenant.Scope;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Authenticates every {@code /api} and {@code /v1} request (and {@code /q/metrics}, {@code /q/openapi}
 * when configured so) before routing, on a worker thread since the key store may block: 401 with
 * {@code WWW-Authenticate: Bearer} for a missing or bad key, 429 with {@code Retry-After} past the
 * tenant's request rate. The principal goes into the routing context for {@code AccessFilter}. Then,
 * once a non-read API request has its status, it is recorded in the audit trail (refusals by scope
 * or validation included; a request without a valid key has no tenant to record it under).
 */
final class AuthGuard implements Handler<RoutingContext> {
  private static final Logger LOG = Logger.getLogger(AuthGuard.class);

  private final AuthMode mode;
  private final Authenticator authenticator;
  private final AuditWriter audit;

  AuthGuard(AuthMode mode, Authenticator authenticator, AuditWriter audit) {
    this.mode = mode;
    this.authenticator = authenticator;
    this.audit = audit;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    String path = request.path();
    boolean api = EdgePaths.isApi(path) && !EdgeGuard.isGrpc(request);
    if (!mode.enabled()) {
      if (api) {
        admit(rc, Principal.IMPLICIT);
      }
      rc.next();
      return;
    }
    if (!api && !mode.guards(path)) {
      rc.next();
      return;
    }
    Optional<String> key;
    try {
      key = Callers.presentedKey(request.headers().getAll("Authorization"), request.headers().getAll("X-API-Key"));
    } catch (UnauthenticatedException e) {
      refuse(rc, e);
      return;
    }
    rc.vertx().<Principal>executeBlocking(() -> authenticator.authenticate(key.orElse(null)), false)
        .onComplete(result -> {
          if (result.succeeded()) {
            if (api) {
              admit(rc, result.result());
            }
            rc.next();
          } else {
            refuse(rc, result.cause());
          }
        });
  }

  private void admit(RoutingContext rc, Principal principal) {
    rc.put(Callers.PRINCIPAL, principal);
    rc.addHeadersEndHandler(ignored -> record(rc, principal));
  }

  private static void refuse(RoutingContext rc, Throwable failure) {
    if (failure instanceof UnauthenticatedException e) {
      new Refusal(401, e.getMessage(), null).send(rc, "invalid_api_key", Map.of("WWW-Authenticate", "Bearer"));
    } else if (failure instanceof QuotaExceededException e) {
      new Refusal(429, e.getMessage(), null)
          .send(rc, "rate_limit_exceeded", Map.of("Retry-After", Long.toString(e.retryAfterSeconds())));
    } else {
      LOG.error("authentication failed unexpectedly", failure);
      new Refusal(500, "the server could not check the API key", null).send(rc);
    }
  }

  /** Writes, deletes and admin actions, and requests no route matched (classified write: fail closed). */
  private void record(RoutingContext rc, Principal principal) {
    Scope scope = rc.get(Callers.SCOPE);
    if (scope == Scope.READ) {
      return;
    }
    HttpServerRequest request = rc.request();
    String protocol = EdgePaths.isOpenAi(request.path()) ? "openai" : "rest";
    String action = request.method().name();
    String resource = request.path();
    audit.record(principal, protocol, action, resource, rc.response().getStatusCode());
  }
}
