package io.augment.adapter.in.grpc;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.AugmentException;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.CapacityExceededException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.NotImplementedException;
import io.augment.domain.model.PayloadTooLargeException;
import io.augment.domain.model.PermissionDeniedException;
import io.augment.domain.model.QuotaExceededException;
import io.augment.domain.model.UnauthenticatedException;
import io.augment.domain.model.UnsupportedMediaTypeException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one mapping from Augment's errors to gRPC statuses. Each domain exception maps by its nearest
 * class in {@link #TABLE} ({@link AlreadyExistsException} is ALREADY_EXISTS, any other conflict with
 * stored state FAILED_PRECONDITION); anything else is INTERNAL with an error id, logged once with its
 * stack. Descriptions are plain text and travel as a spec-encoded {@code grpc-message} trailer
 * ({@link StatusMessages}), so every gRPC client reads them as sent.
 */
public final class GrpcErrors {
  /** Trailer naming the request field an INVALID_ARGUMENT is about. */
  public static final Metadata.Key<String> FIELD = Metadata.Key.of("augment-field", Metadata.ASCII_STRING_MARSHALLER);
  /** Trailer of a RESOURCE_EXHAUSTED for a tenant's quota: whole seconds after which a retry may pass. */
  public static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER);

  /** Domain exception to status; a subclass not listed takes its nearest listed superclass's. */
  static final Map<Class<? extends AugmentException>, Status.Code> TABLE = Map.ofEntries(
      Map.entry(InvalidInputException.class, Status.Code.INVALID_ARGUMENT),
      Map.entry(UnauthenticatedException.class, Status.Code.UNAUTHENTICATED),
      Map.entry(PermissionDeniedException.class, Status.Code.PERMISSION_DENIED),
      Map.entry(UnsupportedMediaTypeException.class, Status.Code.INVALID_ARGUMENT),
      Map.entry(NotFoundException.class, Status.Code.NOT_FOUND),
      Map.entry(AlreadyExistsException.class, Status.Code.ALREADY_EXISTS),
      Map.entry(ConflictException.class, Status.Code.FAILED_PRECONDITION),
      Map.entry(PayloadTooLargeException.class, Status.Code.RESOURCE_EXHAUSTED),
      Map.entry(CapacityExceededException.class, Status.Code.RESOURCE_EXHAUSTED),
      Map.entry(BackendUnavailableException.class, Status.Code.UNAVAILABLE),
      Map.entry(NotImplementedException.class, Status.Code.UNIMPLEMENTED));

  private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

  private GrpcErrors() {}

  /** The status for {@code error}, its description moved into a plain-text {@code grpc-message} trailer. */
  public static StatusRuntimeException toStatus(Throwable error) {
    if (error instanceof StatusRuntimeException e) {
      return StatusMessages.plain(e.getStatus(), e.getTrailers());
    }
    if (error instanceof StatusException e) {
      return StatusMessages.plain(e.getStatus(), e.getTrailers());
    }
    Metadata trailers = new Metadata();
    if (error instanceof InvalidInputException e) {
      trailers.put(FIELD, e.field());
    }
    if (error instanceof QuotaExceededException e) {
      trailers.put(RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    if (error instanceof BackendUnavailableException e) {
      LOG.warnf("backend %s failed: %s", e.backend(), e.getMessage());
    }
    Status.Code code = codeOf(error);
    if (code == Status.Code.INTERNAL) {
      String id = UUID.randomUUID().toString();
      LOG.errorf(error, "gRPC call failed with an unexpected error, error id %s", id);
      return StatusMessages.plain(Status.INTERNAL.withDescription("internal error, error id " + id), trailers);
    }
    return StatusMessages.plain(Status.fromCode(code).withDescription(error.getMessage()), trailers);
  }

  /** The code for errors of {@code type}: that of its nearest class in {@link #TABLE}, INTERNAL when none. */
  public static Status.Code codeOf(Class<? extends Throwable> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Status.Code code = TABLE.get(c);
      if (code != null) {
        return code;
      }
    }
    return Status.Code.INTERNAL;
  }

  private static Status.Code codeOf(Throwable error) {
    return codeOf(error.getClass());
  }
}
