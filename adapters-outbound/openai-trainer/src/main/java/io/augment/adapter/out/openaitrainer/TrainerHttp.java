package io.augment.adapter.out.openaitrainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.CapacityExceededException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP to the remote trainer with bounded retries. 2xx and 4xx answers (but 401, 403, 408 and 429)
 * are returned for the caller to read; 401/403 leave as a refused key, 429 is retried (after its
 * {@code Retry-After} when that is at most 30 s, else not) and then leaves as
 * {@link CapacityExceededException}, 5xx, 408, timeouts and
 * I/O failures are retried and then leave as {@link BackendUnavailableException}.
 */
final class TrainerHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  /** A 429 asking for a longer wait is not waited for: the caller hears at once that the remote is at capacity. */
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
  private static final int MAX_TEXT = 300;

  /** An answer the caller reads: its status and JSON body (null when it had none or was not JSON). */
  record Answer(int status, JsonNode body, String text) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** The OpenAI error's message, or the start of the body. */
    String errorMessage() {
      JsonNode message = body == null ? null : body.path("error").path("message");
      return message != null && message.isTextual() ? message.asText() : abbreviated(text);
    }

    /** The OpenAI error's {@code param}, or null. */
    String errorParam() {
      JsonNode param = body == null ? null : body.path("error").path("param");
      return param != null && param.isTextual() ? param.asText() : null;
    }
  }

  private final OpenAiTrainerConfig config;
  private final String backend;
  private final HttpClient client;

  TrainerHttp(OpenAiTrainerConfig config) {
    this.config = config;
    this.backend = "the remote trainer at " + config.host();
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.requestTimeout()).build();
  }

  String backend() {
    return backend;
  }

  Answer get(String operation, String path) {
    return send(operation, path, "GET", HttpRequest.BodyPublishers.noBody(), null);
  }

  Answer delete(String operation, String path) {
    return send(operation, path, "DELETE", HttpRequest.BodyPublishers.noBody(), null);
  }

  Answer postJson(String operation, String path, JsonNode body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    return send(operation, path, "POST", HttpRequest.BodyPublishers.ofByteArray(bytes), "application/json");
  }

  Answer post(String operation, String path, byte[] body, String contentType) {
    return send(operation, path, "POST", HttpRequest.BodyPublishers.ofByteArray(body), contentType);
  }

  private Answer send(String operation, String path, String method, HttpRequest.BodyPublisher body, String type) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
        .timeout(config.requestTimeout()).method(method, body).header("Accept", "application/json");
    if (type != null) {
      builder.header("Content-Type", type);
    }
    if (config.apiKey() != null) {
      builder.header("Authorization", "Bearer " + config.apiKey());
    }
    // Marks a programmatic call for servers with a cross-site rule (another Augment); others ignore it.
    builder.header("X-Augment-Request", "1");
    HttpRequest request = builder.build();
    String last = null;
    boolean throttled = false;
    Throwable cause = null;
    for (int attempt = 0; ; attempt++) {
      Duration wait = backoff(attempt);
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Answer answer = read(response);
        int status = answer.status();
        if (status == 401 || status == 403) {
          throw new BackendUnavailableException(backend, "refused the configured API key (HTTP " + status + ") at "
              + operation + "; check the key the remote trainer was configured with", null);
        }
        if (status != 429 && status != 408 && status < 500) {
          return answer;
        }
        throttled = status == 429;
        last = "HTTP " + status + ": " + scrubbed(answer.errorMessage());
        cause = null;
        if (throttled) {
          Duration asked = retryAfter(response).orElse(wait);
          if (asked.compareTo(MAX_RETRY_AFTER) > 0) {
            throw new CapacityExceededException(backend + " is at capacity: " + operation + " was refused ("
                + last + "); it asks to retry after " + asked.toSeconds() + " s");
          }
          wait = asked;
        }
      } catch (HttpTimeoutException e) {
        throttled = false;
        last = "no answer within " + config.requestTimeout().toMillis() + " ms";
        cause = e;
      } catch (ConnectException e) {
        throttled = false;
        last = "could not connect";
        cause = e;
      } catch (IOException e) {
        throttled = false;
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + scrubbed(e.getMessage()));
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BackendUnavailableException(backend, operation + " was interrupted", e);
      }
      if (attempt >= config.maxRetries()) {
        String tries = config.maxRetries() == 0 ? "" : " after " + config.maxRetries() + " retries";
        if (throttled) {
          throw new CapacityExceededException(backend + " is at capacity: " + operation + " was refused" + tries
              + " (" + last + "); retry later");
        }
        throw new BackendUnavailableException(backend, operation + " failed" + tries + ": " + last, cause);
      }
      sleep(wait, operation);
    }
  }

  private Answer read(HttpResponse<byte[]> response) {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    JsonNode json = null;
    if (!text.isBlank()) {
      try {
        json = JSON.readTree(text);
      } catch (IOException e) {
        json = null;
      }
    }
    return new Answer(response.statusCode(), json, text);
  }

  private Duration backoff(int attempt) {
    long initial = config.initialBackoff().toMillis();
    long base = Math.min(config.maxBackoff().toMillis(), initial << Math.min(attempt, 20));
    long jitter = Math.max(1, initial / 4);
    return Duration.ofMillis(Math.max(0, base + ThreadLocalRandom.current().nextLong(-jitter, jitter + 1)));
  }

  /** Whole seconds; {@code Retry-After} as an HTTP date is not honoured (the computed backoff is used). */
  private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        long seconds = Long.parseLong(value.strip());
        return seconds < 0 ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofSeconds(seconds));
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
    });
  }

  private void sleep(Duration wait, String operation) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException(backend, operation + " was interrupted", e);
    }
  }

  /** The text without the API key, should a remote echo it. */
  String scrubbed(String text) {
    if (text == null) {
      return "(no message)";
    }
    return config.apiKey() == null ? text : text.replace(config.apiKey(), "***");
  }

  static String abbreviated(String text) {
    if (text == null || text.isBlank()) {
      return "(no message)";
    }
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "...";
  }
}
