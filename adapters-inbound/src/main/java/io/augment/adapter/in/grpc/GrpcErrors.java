package io.augment.adapter.in.grpc;

import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.PayloadTooLargeException;
import io.augment.domain.model.UnsupportedMediaTypeException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;

/**
 * The one mapping from Augment's errors to gRPC statuses. {@link AlreadyExistsException} is
 * ALREADY_EXISTS; any other conflict with stored state (e.g. a knowledge base
 * built with another embedding model) is FAILED_PRECONDITION.
 */
public final class GrpcErrors {
  /** Trailer naming the request field an INVALID_ARGUMENT is about. */
  public static final Metadata.Key<String> FIELD = Metadata.Key.of("augment-field", Metadata.ASCII_STRING_MARSHALLER);

  private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

  private GrpcErrors() {}

  public static StatusRuntimeException toStatus(Throwable error) {
    if (error instanceof StatusRuntimeException e) {
      return e;
    }
    if (error instanceof StatusException e) {
      return e.getStatus().asRuntimeException(e.getTrailers());
    }
    if (error instanceof InvalidInputException e) {
      Metadata trailers = new Metadata();
      trailers.put(FIELD, e.field());
      return Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException(trailers);
    }
    if (error instanceof BackendUnavailableException e) {
      LOG.warnf("backend %s failed: %s", e.backend(), e.getMessage());
    }
    Status status = statusOf(error);
    if (status.getCode() == Status.Code.INTERNAL) {
      LOG.error("gRPC call failed", error);
      return status.withDescription("internal error: " + error.getClass().getSimpleName()).asRuntimeException();
    }
    return status.withDescription(error.getMessage()).asRuntimeException();
  }

  private static Status statusOf(Throwable error) {
    if (error instanceof NotFoundException) {
      return Status.NOT_FOUND;
    }
    if (error instanceof AlreadyExistsException) {
      return Status.ALREADY_EXISTS;
    }
    if (error instanceof ConflictException) {
      return Status.FAILED_PRECONDITION;
    }
    if (error instanceof UnsupportedMediaTypeException) {
      return Status.INVALID_ARGUMENT;
    }
    if (error instanceof PayloadTooLargeException) {
      return Status.RESOURCE_EXHAUSTED;
    }
    if (error instanceof BackendUnavailableException) {
      return Status.UNAVAILABLE;
    }
    return Status.INTERNAL;
  }
}
