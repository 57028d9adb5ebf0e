package io.augment.adapter.in.grpc;

import io.augment.adapter.in.AuditWriter;
import io.augment.adapter.in.AuthMode;
import io.augment.adapter.in.Callers;
import io.augment.application.tenant.Authenticator;
import io.augment.application.tenant.Principal;
import io.augment.domain.model.AugmentException;
import io.augment.domain.model.UnauthenticatedException;
import io.augment.domain.tenant.Scope;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GlobalInterceptor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every gRPC call: the key from metadata {@code authorization: Bearer <key>} or {@code x-api-key},
 * checked on a worker thread since the key store may block (UNAUTHENTICATED without a valid one,
 * RESOURCE_EXHAUSTED past the tenant's request rate), the
 * method's scope from {@link GrpcScopes} (PERMISSION_DENIED), the principal in {@link Callers#GRPC}
 * for the service, and, for non-read methods, an audit entry with the gRPC status code once the call
 * closes. With authentication off every call is {@link Principal#IMPLICIT}.
 */
@GlobalInterceptor
@ApplicationScoped
public class GrpcAuth implements ServerInterceptor {
  private static final Logger LOG = Logger.getLogger(GrpcAuth.class);
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);

  private final AuthMode mode;
  private final Authenticator authenticator;
  private final AuditWriter audit;

  public GrpcAuth(AuthMode mode, Authenticator authenticator, AuditWriter audit) {
    this.mode = mode;
    this.authenticator = authenticator;
    this.audit = audit;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    Optional<Scope> needed = GrpcScopes.of(method);
    if (needed.isEmpty()) {
      return next.startCall(call, headers);
    }
    if (!mode.enabled()) {
      return admit(call, headers, next, Principal.IMPLICIT, needed.get());
    }
    String key;
    try {
      key = Callers.presentedKey(headers.getAll(AUTHORIZATION), headers.getAll(API_KEY)).orElse(null);
    } catch (UnauthenticatedException e) {
      return refuse(call, e);
    }
    io.vertx.core.Context loop = Vertx.currentContext();
    if (loop == null || !io.vertx.core.Context.isOnEventLoopThread()) {
      return authenticated(call, headers, next, key, needed.get());
    }
    // The key store may block: check the key on a worker, hold the call's events until then.
    DeferredListener<Q> deferred = new DeferredListener<>();
    Context grpc = Context.current();
    loop.<Principal>executeBlocking(() -> authenticator.authenticate(key), false).onComplete(result -> {
      Context previous = grpc.attach();
      try {
        deferred.delegateTo(result.succeeded()
            ? admit(call, headers, next, result.result(), needed.get())
            : refuse(call, result.cause()));
      } finally {
        grpc.detach(previous);
      }
    });
    return deferred;
  }

  private <Q, R> ServerCall.Listener<Q> authenticated(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next, String key, Scope needed) {
    Principal principal;
    try {
      principal = authenticator.authenticate(key);
    } catch (RuntimeException e) {
      return refuse(call, e);
    }
    return admit(call, headers, next, principal, needed);
  }

  /** Checks the scope, then starts the call with the principal in its context; non-reads are audited. */
  private <Q, R> ServerCall.Listener<Q> admit(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next, Principal principal, Scope needed) {
    String method = call.getMethodDescriptor().getFullMethodName();
    ServerCall<Q, R> served = needed == Scope.READ ? call : new Audited<>(call, principal, method);
    try {
      principal.require(needed);
    } catch (AugmentException e) {
      return refuse(served, e);
    }
    Context context = Context.current().withValue(Callers.GRPC, principal);
    return Contexts.interceptCall(context, served, headers, next);
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Throwable e) {
    StatusRuntimeException status = GrpcErrors.toStatus(e);
    try {
      call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
    } catch (IllegalStateException alreadyClosed) {
      LOG.debugf("gRPC call %s was already closed; dropped %s", call.getMethodDescriptor().getFullMethodName(),
          status.getStatus().getCode());
    }
    return new ServerCall.Listener<>() {};
  }

  /** Records the call's outcome (its gRPC status code) when it closes. */
  private final class Audited<Q, R> extends SimpleForwardingServerCall<Q, R> {
    private final Principal principal;
    private final String method;

    Audited(ServerCall<Q, R> call, Principal principal, String method) {
      super(call);
      this.principal = principal;
      this.method = method;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      audit.record(principal, "grpc", method.substring(method.indexOf('/') + 1), method, status.getCode().value());
      super.close(status, trailers);
    }
  }
}
