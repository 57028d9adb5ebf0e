package io.augment.adapter.in;

import io.augment.application.tenant.Principal;
import io.augment.application.tenant.Workspace;
import io.augment.application.tenant.Workspaces;
import io.augment.domain.model.UnauthenticatedException;
import io.quarkus.arc.Arc;
import jakarta.inject.Singleton;

/**
 * The calling tenant's {@link Workspace}, for REST and {@code /v1} resources (request-scoped
 * {@link RestCaller}) and gRPC services ({@link Callers#GRPC}, which Quarkus carries onto the worker
 * thread of a blocking method). Call it on the request's own thread, before any hop of your own;
 * on an event-loop thread take only {@link #principal()} and {@link #of} it on the worker.
 * With authentication off every call is {@link Principal#IMPLICIT}.
 */
@Singleton
public class CurrentWorkspace {
  private final AuthMode mode;
  private final Workspaces workspaces;
  private final RestCaller rest;

  public CurrentWorkspace(AuthMode mode, Workspaces workspaces, RestCaller rest) {
    this.mode = mode;
    this.workspaces = workspaces;
    this.rest = rest;
  }

  /** @throws UnauthenticatedException when authentication is on and no principal is known (fails closed) */
  public Principal principal() {
    if (!mode.enabled()) {
      return Principal.IMPLICIT;
    }
    Principal grpc = Callers.GRPC.get();
    if (grpc != null) {
      return grpc;
    }
    Principal http = Arc.container().requestContext().isActive() ? rest.get() : null;
    if (http == null) {
      throw new UnauthenticatedException("no authenticated caller for this call");
    }
    return http;
  }

  /** The caller's tenant's workspace. */
  public Workspace get() {
    return of(principal());
  }

  /**
   * {@code caller}'s workspace, for work that read the caller on the call's thread and continues on
   * another (looking a tenant up may read the database, which an event-loop thread must not).
   */
  public Workspace of(Principal caller) {
    return workspaces.of(caller.tenant());
  }
}
