package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Gives every error under {@code /v1} OpenAI's shape, whoever produced it: malformed JSON, the
 * request-size limit, unknown paths and methods are answered by the application-wide mappers as
 * RFC 9457 problems, which OpenAI clients cannot read. The problem's {@code detail} and
 * {@code field} become the error's {@code message} and {@code param}.
 */
@Provider
public class OpenAiErrorFilter implements ContainerResponseFilter {
  private final ObjectMapper json;

  public OpenAiErrorFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400 || !OpenAiPaths.covers(request.getUriInfo().getPath())
        || response.getEntity() instanceof OpenAiError) {
      return;
    }
    String message = response.getStatusInfo().getReasonPhrase();
    String param = null;
    Object entity = response.getEntity();
    if (entity instanceof String text && !text.isBlank()) {
      message = text;
    } else if (entity != null) {
      Map<?, ?> problem = problem(entity);
      message = problem.get("detail") instanceof String detail ? detail : message;
      param = problem.get("field") instanceof String field ? field : null;
    }
    response.setEntity(OpenAiError.of(status, message, param, null), new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
  }

  private Map<?, ?> problem(Object entity) {
    try {
      return json.convertValue(entity, Map.class);
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }
}
