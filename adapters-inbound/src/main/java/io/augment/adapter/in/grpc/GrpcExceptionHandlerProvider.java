package io.augment.adapter.in.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Routes every failure of a gRPC call, thrown or emitted, through {@link GrpcErrors}. A call the
 * client already cancelled (or the transport already ended) is not closed again: a second close
 * fails in the transport ("Trailers already sent") and used to take the connection's other calls down.
 */
@ApplicationScoped
public class GrpcExceptionHandlerProvider implements ExceptionHandlerProvider {
  private static final Logger LOG = Logger.getLogger(GrpcExceptionHandlerProvider.class);

  @Override
  public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(
      ServerCall.Listener<ReqT> listener, ServerCall<ReqT, RespT> call, Metadata metadata) {
    return new ExceptionHandler<>(listener, call, metadata) {
      @Override
      protected void handleException(Throwable error, ServerCall<ReqT, RespT> call, Metadata metadata) {
        StatusRuntimeException status = GrpcErrors.toStatus(error);
        if (call.isCancelled()) {
          LOG.debugf("gRPC call %s ended by the client before failing with %s",
              call.getMethodDescriptor().getFullMethodName(), status.getStatus().getCode());
          return;
        }
        try {
          call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
        } catch (IllegalStateException alreadyClosed) {
          LOG.debugf("gRPC call %s was already closed; dropped %s",
              call.getMethodDescriptor().getFullMethodName(), status.getStatus().getCode());
        }
      }
    };
  }

  @Override
  public Throwable transform(Throwable error) {
    return GrpcErrors.toStatus(error);
  }
}
