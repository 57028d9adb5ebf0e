package io.augment.adapter.in.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}, nulls kept. */
@RegisterForReflection(targets = {OpenAiError.class, OpenAiError.Body.class})
public record OpenAiError(Body error) {

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Body(String message, String type, String param, String code) {}

  public static OpenAiError of(int status, String message, String param, String code) {
    return new OpenAiError(new Body(message, type(status), param, code));
  }

  public Response response(int status) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
  }

  private static String type(int status) {
    return switch (status) {
      case 401 -> "invalid_request_error"; // what OpenAI answers for a missing or bad key
      case 403 -> "permission_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }
}
