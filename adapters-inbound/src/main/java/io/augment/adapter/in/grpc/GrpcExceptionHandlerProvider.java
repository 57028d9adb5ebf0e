package io.augment.adapter.in.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import jakarta.enterprise.context.ApplicationScoped;

/** Routes every failure of a gRPC call, thrown or emitted, through {@link GrpcErrors}. */
@ApplicationScoped
public class GrpcExceptionHandlerProvider implements ExceptionHandlerProvider {

  @Override
  public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(
      ServerCall.Listener<ReqT> listener, ServerCall<ReqT, RespT> call, Metadata metadata) {
    return new ExceptionHandler<>(listener, call, metadata) {
      @Override
      protected void handleException(Throwable error, ServerCall<ReqT, RespT> call, Metadata metadata) {
        StatusRuntimeException status = GrpcErrors.toStatus(error);
        call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
      }
    };
  }

  @Override
  public Throwable transform(Throwable error) {
    return GrpcErrors.toStatus(error);
  }
}
