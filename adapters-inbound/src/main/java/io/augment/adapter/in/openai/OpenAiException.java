package io.augment.adapter.in.openai;

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
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** A failure answered in OpenAI's error shape; {@link #param()} names the offending request field. */
public class OpenAiException extends RuntimeException {
  private static final Logger LOG = Logger.getLogger(OpenAiException.class);
  /** Our field names, as the use cases report them, to the OpenAI request fields they come from. */
  private static final Map<String, String> PARAMS = Map.of(
      "question", "messages", "topK", "retrieval.top_k", "maxTokens", "max_tokens", "topP", "top_p",
      "temperature", "temperature", "queryVariants", "retrieval.query_variants",
      "candidates", "retrieval.candidates", "mode", "retrieval.mode");

  private final int status;
  private final String param;
  private final String code;
  private final long retryAfterSeconds;

  public OpenAiException(int status, String message, String param, String code) {
    this(status, message, param, code, 0);
  }

  /** @param retryAfterSeconds sent as {@code Retry-After} when above 0 */
  public OpenAiException(int status, String message, String param, String code, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.param = param;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static OpenAiException invalid(String param, String message) {
    return new OpenAiException(400, message, param, null);
  }

  /** 404 for an object other than a model (a file, a fine-tuning job), {@code param} naming its id. */
  public static OpenAiException notFound(String param, String message) {
    return new OpenAiException(404, message, param, null);
  }

  public static OpenAiException modelNotFound(String model, String why) {
    return new OpenAiException(404, "The model '" + model + "' does not exist" + (why == null ? "" : ": " + why),
        "model", "model_not_found");
  }

  /**
   * The API's one table from failures to OpenAI errors, used by the exception mappers and by
   * streams alike: invalid input 400 (param: the OpenAI field), not found 404 {@code model_not_found},
   * no or a bad key 401 {@code invalid_api_key}, scope too low 403, conflict 409, too large 413,
   * capacity 429 {@code rate_limit_exceeded} (a tenant's quota with {@code Retry-After}), backend
   * down 502 {@code backend_unavailable}, a capability the server is configured without 501
   * {@code not_implemented}, anything else 500
   * with an error id. A 5xx is logged here, once (an unexpected one with its stack trace); a 4xx
   * is not logged above DEBUG.
   */
  public static OpenAiException from(Throwable e) {
    if (e instanceof OpenAiException openAi) {
      return openAi;
    }
    if (e instanceof InvalidInputException invalid) {
      LOG.debugf("400: %s", e.getMessage());
      return invalid(param(invalid.field()), e.getMessage());
    }
    if (e instanceof UnauthenticatedException) {
      return new OpenAiException(401, e.getMessage(), null, "invalid_api_key");
    }
    if (e instanceof PermissionDeniedException) {
      return new OpenAiException(403, e.getMessage(), null, null);
    }
    if (e instanceof QuotaExceededException quota) {
      return new OpenAiException(429, e.getMessage(), null, "rate_limit_exceeded", quota.retryAfterSeconds());
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
    if (e instanceof CapacityExceededException) {
      return new OpenAiException(429, e.getMessage(), null, "rate_limit_exceeded");
    }
    if (e instanceof NotImplementedException) {
      return new OpenAiException(501, e.getMessage(), null, "not_implemented");
    }
    if (e instanceof BackendUnavailableException) {
      LOG.warnf("backend failed: %s", e.getMessage());
      return new OpenAiException(502, e.getMessage(), null, "backend_unavailable");
    }
    if (e instanceof AugmentException) {
      return new OpenAiException(400, e.getMessage(), null, null);
    }
    String id = UUID.randomUUID().toString();
    LOG.errorf(e, "error %s: OpenAI API request failed", id);
    return new OpenAiException(500, "the server failed to answer; the log holds the details under error id " + id,
        null, null);
  }

  /** Our field names, as the use cases report them, as the OpenAI request spells them. */
  private static String param(String field) {
    if (field == null) {
      return null;
    }
    return field.startsWith("filter") ? "retrieval." + field : PARAMS.getOrDefault(field, field);
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
    Response response = body().response(status);
    if (status == 401) {
      return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }
    return retryAfterSeconds > 0
        ? Response.fromResponse(response).header("Retry-After", Long.toString(retryAfterSeconds)).build()
        : response;
  }
}
