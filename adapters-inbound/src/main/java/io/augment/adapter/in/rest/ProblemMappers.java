package io.augment.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.PayloadTooLargeException;
import io.augment.domain.model.UnsupportedMediaTypeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to an {@code application/problem+json} response. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response invalid(InvalidInputException e) {
    return Problem.response(Status.BAD_REQUEST, e.getMessage(), e.field());
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return Problem.response(Status.NOT_FOUND, e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response conflict(ConflictException e) {
    return Problem.response(Status.CONFLICT, e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response unsupported(UnsupportedMediaTypeException e) {
    return Problem.response(Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), "file");
  }

  @ServerExceptionMapper
  public Response tooLarge(PayloadTooLargeException e) {
    return Problem.response(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), "file");
  }

  @ServerExceptionMapper
  public Response backend(BackendUnavailableException e) {
    LOG.warnf("backend %s failed: %s", e.backend(), e.getMessage());
    return Problem.response(Status.BAD_GATEWAY, e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
        ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
        : null;
    return Problem.response(Status.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage(), field);
  }

  /** More specific than Quarkus' own mapper for this type, which answers plain JSON. */
  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e) {
    return json(e);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    Response r = e.getResponse();
    if (r.getStatus() >= 500) {
      LOG.error("request failed", e);
    }
    Throwable cause = e.getCause();
    if (cause instanceof JsonProcessingException json) {
      return json(json);
    }
    return Problem.response(r.getStatus(), r.getStatusInfo().getReasonPhrase(), e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response illegalArgument(IllegalArgumentException e) {
    return Problem.response(Status.BAD_REQUEST, e.getMessage(), null);
  }
}
