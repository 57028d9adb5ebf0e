package io.augment.adapter.in.openai;

import io.augment.domain.model.AugmentException;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.PayloadTooLargeException;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A failure answered in OpenAI's error shape; {@link #param()} names the offending request field. */
public class OpenAiException extends RuntimeException {
  /** Our field names, as the use cases report them, to the OpenAI request fields they come from. */
  private static final Map<String, String> PARAMS = Map.of(
      "question", "messages", "topK", "retrieval.top_k", "maxTokens", "max_tokens", "topP", "top_p",
      "temperature", "temperature", "queryVariants", "retrieval.query_variants",
      "candidates", "retrieval.candidates", "mode", "retrieval.mode");

  private final int status;
  private final String param;
  private final String code;

  public OpenAiException(int status, String message, String param, String code) {
    super(message);
    this.status = status;
    this.param = param;
    this.code = code;
  }

  public static OpenAiException invalid(String param, String message) {
    return new OpenAiException(400, message, param, null);
  }

  public static OpenAiException modelNotFound(String model, String why) {
    return new OpenAiException(404, "The model '" + model + "' does not exist" + (why == null ? "" : ": " + why),
        "model", "model_not_found");
  }

  /** The OpenAI reading of a use-case failure; the only things this API addresses by name are models. */
  public static OpenAiException from(AugmentException e) {
    if (e instanceof InvalidInputException invalid) {
      String field = invalid.field() != null && invalid.field().startsWith("filter.") ? "retrieval." + invalid.field()
          : PARAMS.getOrDefault(invalid.field(), invalid.field());
      return invalid(field, e.getMessage());
    }
    if (e instanceof NotFoundException) {
      return new OpenAiException(404, e.getMessage(), "model", "model_not_found");
    }
    if (e instanceof ConflictException) {
      return new OpenAiException(409, e.getMessage(), null, null);
    }
    if (e instanceof PayloadTooLargeException) {
      return new OpenAiException(413, e.getMessage(), null, null);
    }
    if (e instanceof BackendUnavailableException) {
      return new OpenAiException(502, e.getMessage(), null, "backend_unavailable");
    }
    return new OpenAiException(400, e.getMessage(), null, null);
  }

  public int status() {
    return status;
  }

  public String param() {
    return param;
  }

  public String code() {
    return code;
  }

  public OpenAiError body() {
    return OpenAiError.of(status, getMessage(), param, code);
  }

  public Response response() {
    return body().response(status);
  }
}
