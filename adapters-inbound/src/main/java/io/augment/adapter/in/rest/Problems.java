package io.augment.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The REST API's one table from failures to problems, read by the exception mappers (problem+json
 * responses) and by the server-sent-event streams ({@code error} events), so both agree:
 *
 * <pre>
 * InvalidInputException, malformed JSON     400  field = the request's field
 * a multipart body the parser cannot read   400  field = body
 * UnauthenticatedException                  401  WWW-Authenticate: Bearer
 * PermissionDeniedException                 403  (a key whose scope is too low)
 * NotFoundException                         404
 * ConflictException                         409
 * PayloadTooLargeException                  413  field = file
 * UnsupportedMediaTypeException             415  field = file
 * CapacityExceededException                 429  (e.g. the fine-tuning queue is full)
 * QuotaExceededException                    429  Retry-After: its seconds (a tenant's quota)
 * NotImplementedException                   501  (a capability the server is configured without)
 * BackendUnavailableException               502
 * WebApplicationException                   its own status
 * anything else                             500  errorId, logged once with its stack trace
 * </pre>
 *
 * A 4xx is logged as one DEBUG line; a 5xx once, with an error id that is also in the body.
 */
public final class Problems {
  private static final Logger LOG = Logger.getLogger(Problems.class);
  private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

  private Problems() {}

  /** The problem for {@code e} as a response, with the headers its status calls for (401, 429). */
  public static Response response(Throwable e) {
    Response response = of(e).response();
    if (e instanceof UnauthenticatedException) {
      return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }
    if (e instanceof QuotaExceededException quota) {
      return Response.fromResponse(response).header("Retry-After", Long.toString(quota.retryAfterSeconds())).build();
    }
    return response;
  }

  public static Problem of(Throwable e) {
    if (e instanceof JsonProcessingException json) {
      return invalid(JsonErrors.describe(json));
    }
    if (e instanceof InvalidInputException invalid) {
      return invalid(invalid);
    }
    if (e instanceof UnauthenticatedException) {
      return client(Status.UNAUTHORIZED, e.getMessage(), null);
    }
    if (e instanceof PermissionDeniedException) {
      return client(Status.FORBIDDEN, e.getMessage(), null);
    }
    if (e instanceof NotFoundException) {
      return client(Status.NOT_FOUND, e.getMessage(), null);
    }
    if (e instanceof ConflictException) {
      return client(Status.CONFLICT, e.getMessage(), null);
    }
    if (e instanceof PayloadTooLargeException) {
      return client(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), "file");
    }
    if (e instanceof UnsupportedMediaTypeException) {
      return client(Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), "file");
    }
    if (e instanceof CapacityExceededException) {
      return client(Status.TOO_MANY_REQUESTS, e.getMessage(), null);
    }
    if (e instanceof NotImplementedException) {
      LOG.debugf("501: %s", e.getMessage());
      return new Problem(501, "Not Implemented", e.getMessage(), null);
    }
    if (e instanceof BackendUnavailableException backend) {
      String id = errorId();
      LOG.warnf("error %s: backend %s failed: %s", id, backend.backend(), e.getMessage());
      return new Problem("about:blank", Status.BAD_GATEWAY.getReasonPhrase(), 502, e.getMessage(), null, id);
    }
    if (e instanceof WebApplicationException web) {
      return web(web);
    }
    if (e instanceof IOException && fromMultipartParser(e)) {
      return client(Status.BAD_REQUEST, "malformed multipart body: the parts or their closing boundary are missing", "body");
    }
    return unexpected(e);
  }

  /** RESTEasy's multipart parser fails a truncated or garbled body with a bare IOException. */
  private static boolean fromMultipartParser(Throwable e) {
    StackTraceElement[] stack = e.getStackTrace();
    return stack.length > 0 && stack[0].getClassName().startsWith(MULTIPART_PARSER);
  }

  private static Problem web(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return of(json);
    }
    Response r = e.getResponse();
    if (r.getEntity() instanceof Problem problem) {
      return problem;
    }
    if (r.getStatus() >= 500) {
      return unexpected(e);
    }
    LOG.debugf("%d: %s", r.getStatus(), e.getMessage());
    return new Problem(r.getStatus(), r.getStatusInfo().getReasonPhrase(), e.getMessage(), null);
  }

  private static Problem invalid(InvalidInputException e) {
    return client(Status.BAD_REQUEST, e.getMessage(), e.field());
  }

  private static Problem client(Status status, String detail, String field) {
    LOG.debugf("%d: %s", status.getStatusCode(), detail);
    return new Problem(status.getStatusCode(), status.getReasonPhrase(), detail, field);
  }

  private static Problem unexpected(Throwable e) {
    String id = errorId();
    LOG.errorf(e, "error %s: request failed", id);
    return new Problem("about:blank", "Internal Server Error", 500,
        "the server failed to answer; the log holds the details under error id " + id, null, id);
  }

  private static String errorId() {
    return UUID.randomUUID().toString();
  }
}
