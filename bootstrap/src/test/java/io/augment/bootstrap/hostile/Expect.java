package io.augment.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What every refusal must look like, per protocol. */
final class Expect {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A fully qualified Java name, or an exception's simple name. */
  private static final Pattern JAVA_TYPE = Pattern.compile(
      "\\b(?:java|javax|jakarta|com\\.fasterxml|org\\.jboss|org\\.apache|io\\.augment|io\\.quarkus|io\\.vertx|io\\.grpc)"
          + "\\.[A-Za-z_]\\w*|\\b\\w+Exception\\b");
  /** Client errors: the request is at fault, and the server said so. */
  private static final Set<Status.Code> CLIENT_ERRORS = EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
      Status.Code.ALREADY_EXISTS, Status.Code.FAILED_PRECONDITION, Status.Code.OUT_OF_RANGE,
      Status.Code.RESOURCE_EXHAUSTED, Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED);
  private static final String[] SERVER_PATHS = {
      Path.of("").toAbsolutePath().toString(), System.getProperty("java.io.tmpdir"), System.getProperty("user.home")};

  private Expect() {}

  /**
   * A 4xx {@code application/problem+json} with {@code status} and {@code detail}; on a 400, {@code field}
   * (when given) must be named by the problem's {@code field} (404, 409, 413 and 415 are about the
   * resource or the whole body, so they need not name one).
   */
  static void problem(Http.Reply reply, String field) {
    assertThat(reply.status()).as("expected a 4xx problem+json, got %s", reply.summary()).isBetween(400, 499);
    assertThat(reply.contentType()).as("expected problem+json, got %s", reply.summary()).startsWith("application/problem+json");
    JsonNode body = parse(reply);
    assertThat(body.path("status").asInt()).as("problem 'status' should be the HTTP status: %s", reply.summary())
        .isEqualTo(reply.status());
    plainText(body.path("detail").asText(""), reply);
    if (field != null && reply.status() == 400) {
      assertThat(normalise(body.path("field").asText(""))).as("problem 'field' should name '%s': %s", field, reply.summary())
          .contains(normalise(field));
    }
  }

  /** Exactly a 400 problem naming {@code field}: the request is malformed, not aimed at something missing. */
  static void badRequest(Http.Reply reply, String field) {
    assertThat(reply.status()).as("expected 400 naming '%s', got %s", field, reply.summary()).isEqualTo(400);
    problem(reply, field);
  }

  /** A 4xx in OpenAI's error shape; {@code param} names the parameter when given. */
  static void openAiError(Http.Reply reply, String param) {
    assertThat(reply.status()).as("expected a 4xx OpenAI error, got %s", reply.summary()).isBetween(400, 499);
    assertThat(reply.contentType()).as("expected JSON, got %s", reply.summary()).startsWith("application/json");
    JsonNode error = parse(reply).path("error");
    assertThat(error.isObject()).as("expected {\"error\": {...}}, got %s", reply.summary()).isTrue();
    assertThat(error.path("type").asText("")).as("error.type: %s", reply.summary()).isNotBlank();
    plainText(error.path("message").asText(""), reply);
    if (param != null && reply.status() == 400) {
      assertThat(normalise(error.path("param").asText(""))).as("error.param should name '%s': %s", param, reply.summary())
          .contains(normalise(param));
    }
  }

  /** A client-error gRPC status (never OK, INTERNAL, UNKNOWN, UNAVAILABLE or a deadline) with a plain-text description. */
  static void grpcRefusal(Status status) {
    String got = status.getCode() + ": " + status.getDescription();
    assertThat(CLIENT_ERRORS).as("expected a client-error status, got %s", got).contains(status.getCode());
    String description = status.getDescription() == null ? "" : status.getDescription();
    assertThat(description).as("the status needs a description: %s", got).isNotBlank();
    noLeaks(description, got);
  }

  private static void plainText(String message, Http.Reply reply) {
    assertThat(message).as("the error needs a message: %s", reply.summary()).isNotBlank();
    noLeaks(message, reply.summary());
  }

  private static void noLeaks(String message, String context) {
    assertThat(JAVA_TYPE.matcher(message).find()).as("Java type name in the message: %s", context).isFalse();
    for (String path : SERVER_PATHS) {
      assertThat(message).as("server path in the message: %s", context).doesNotContain(path);
    }
  }

  private static JsonNode parse(Http.Reply reply) {
    try {
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new AssertionError("body is not JSON: " + reply.summary(), e);
    }
  }

  /** {@code max_tokens}, {@code maxTokens} and {@code chunking.maxTokens} all contain {@code maxtokens}. */
  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "");
  }
}
