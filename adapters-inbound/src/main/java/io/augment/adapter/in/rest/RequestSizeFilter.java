package io.augment.adapter.in.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses a body larger than {@code augment.limits.max-request-bytes} before reading it. */
@Provider
@PreMatching
public class RequestSizeFilter implements ContainerRequestFilter {
  @ConfigProperty(name = "augment.limits.max-request-bytes", defaultValue = "20000000")
  long maxBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return;
    }
    try {
      long size = Long.parseLong(length.trim());
      if (size > maxBytes) {
        request.abortWith(Problem.response(Status.REQUEST_ENTITY_TOO_LARGE,
            "request body is " + size + " bytes; the limit is " + maxBytes + " bytes (augment.limits.max-request-bytes)", "body"));
      }
    } catch (NumberFormatException e) {
      request.abortWith(Problem.response(Status.BAD_REQUEST, "invalid Content-Length", null));
    }
  }
}
