package io.augment.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details; {@code field} names the offending request field when there is one, and
 * {@code errorId} (only on a 5xx) is the id the server logged the failure under.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String errorId) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem(int status, String title, String detail, String field) {
    this("about:blank", title, status, detail, field, null);
  }

  public static Response response(Response.Status status, String detail, String field) {
    return response(status.getStatusCode(), status.getReasonPhrase(), detail, field);
  }

  public static Response response(int status, String title, String detail, String field) {
    return new Problem(status, title, detail, field).response();
  }

  /** This problem as a response with its status. */
  @JsonIgnore
  public Response response() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
