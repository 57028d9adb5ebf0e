package io.augment.adapter.in;

import io.augment.application.tenant.Principal;
import io.augment.domain.model.UnauthenticatedException;
import io.augment.domain.tenant.Scope;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * After a REST or {@code /v1} route is matched: records the scope it needs ({@link Access}) for the
 * audit, hands the principal the HTTP edge authenticated to {@link RestCaller}, and refuses a key
 * whose scope is too low (403, mapped like any other failure of the API).
 */
public class AccessFilter {
  private final RestCaller caller;
  private final AuthMode mode;

  public AccessFilter(RestCaller caller, AuthMode mode) {
    this.caller = caller;
    this.mode = mode;
  }

  @ServerRequestFilter
  public void check(ResourceInfo resource, RoutingContext rc) {
    Scope needed = needed(resource.getResourceMethod());
    rc.put(Callers.SCOPE, needed);
    Principal principal = mode.enabled() ? rc.get(Callers.PRINCIPAL) : Principal.IMPLICIT;
    if (principal == null) {
      throw new UnauthenticatedException("an API key is required");
    }
    caller.set(principal);
    principal.require(needed);
  }

  /** What {@code method} needs: its {@link Access}, else write. */
  public static Scope needed(Method method) {
    Access access = method == null ? null : method.getAnnotation(Access.class);
    return access == null ? Scope.WRITE : access.value();
  }
}
