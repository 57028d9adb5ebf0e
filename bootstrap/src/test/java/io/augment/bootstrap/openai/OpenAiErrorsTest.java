package io.augment.bootstrap.openai;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every failure under /v1 comes back in OpenAI's error shape, never as problem+json. */
@QuarkusTest
@Tag("shared-app")
class OpenAiErrorsTest {
  private static final String CHAT = "/v1/chat/completions";
  private String kb;

  @BeforeEach
  void seed() {
    kb = KnowledgeBases.shared();
  }

  private static Map<String, Object> chat(String model, Object... extra) {
    Map<String, Object> body = new HashMap<>(Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", "Why tides?"))));
    for (int i = 0; i < extra.length; i += 2) {
      body.put((String) extra[i], extra[i + 1]);
    }
    return body;
  }

  private static ValidatableResponse error(ValidatableResponse response, int status, String type, String param) {
    return response.statusCode(status).contentType(ContentType.JSON)
        .body("error.type", equalTo(type)).body("error.param", param == null ? nullValue() : equalTo(param));
  }

  private static ValidatableResponse post(Object body) {
    return given().contentType(ContentType.JSON).body(body).post(CHAT).then();
  }

  @Test
  void unknownModelIsNotFoundNamingTheModelParam() {
    error(post(chat("gpt-4o")), 404, "invalid_request_error", "model")
        .body("error.code", equalTo("model_not_found")).body("error.message", containsString("gpt-4o"));
    error(post(chat("rag:no-such-kb")), 404, "invalid_request_error", "model").body("error.code", equalTo("model_not_found"));
    error(post(chat("adapter:none")), 404, "invalid_request_error", "model").body("error.code", equalTo("model_not_found"));
  }

  @Test
  void embeddingModelIsNotAChatModel() {
    error(post(chat(KnowledgeBases.EMBEDDING_MODEL)), 404, "invalid_request_error", "model")
        .body("error.message", containsString("/v1/embeddings"));
  }

  @Test
  void refusesInvalidParametersNamingEach() {
    error(post(Map.of("model", "rag:" + kb)), 400, "invalid_request_error", "messages");
    error(post(chat("rag:" + kb, "temperature", 3.5)), 400, "invalid_request_error", "temperature");
    error(post(chat("rag:" + kb, "top_p", 0)), 400, "invalid_request_error", "top_p");
    error(post(chat("rag:" + kb, "max_tokens", 0)), 400, "invalid_request_error", "max_tokens");
    error(post(chat("rag:" + kb, "max_completion_tokens", -1)), 400, "invalid_request_error", "max_completion_tokens");
    error(post(chat("rag:" + kb, "n", 2)), 400, "invalid_request_error", "n");
    error(post(chat("rag:" + kb, "stop", List.of("a", "b", "c", "d", "e"))), 400, "invalid_request_error", "stop");
    error(post(chat("rag:" + kb, "stream_options", Map.of("include_usage", true))), 400, "invalid_request_error", "stream_options");
    error(post(chat("rag:" + kb, "retrieval", Map.of("top_k", 1000))), 400, "invalid_request_error", "retrieval.top_k");
    error(post(chat("rag:" + kb, "retrieval", Map.of("mode", "psychic"))), 400, "invalid_request_error", "retrieval.mode");
    error(post(Map.of("model", "rag:" + kb, "messages", List.of(Map.of("role", "wizard", "content", "hi")))),
        400, "invalid_request_error", "messages[0].role");
    error(post(Map.of("model", "rag:" + kb, "messages", List.of(Map.of("role", "system", "content", "hi")))),
        400, "invalid_request_error", "messages");
  }

  @Test
  void acceptsStopAsAStringOrAListAndContentAsParts() {
    post(chat("rag:" + kb, "stop", "\n\n")).statusCode(200);
    post(chat("rag:" + kb, "stop", List.of("END"), "temperature", 0.7, "top_p", 0.9, "max_completion_tokens", 64)).statusCode(200);
    post(Map.of("model", "rag:" + kb, "messages", List.of(Map.of("role", "user", "content",
        List.of(Map.of("type", "text", "text", "What causes the tides?")))))).statusCode(200)
        .body("choices[0].message.content", containsString("Moon"));
  }

  @Test
  void malformedJsonGetsTheOpenAiShape() {
    error(given().contentType(ContentType.JSON).body("{\"model\": \"rag:" + kb + "\", \"messages\": [").post(CHAT).then(),
        400, "invalid_request_error", "messages").body("error.message", containsString("JSON"));
    error(post(chat("rag:" + kb, "temperature", "hot")), 400, "invalid_request_error", "temperature");
    error(given().contentType(ContentType.JSON).body("{\"input\": 42,").post("/v1/embeddings").then(), 400, "invalid_request_error", null);
  }

  @Test
  void oversizedBodyIsRefusedWith413() {
    String big = "x".repeat(300_000);
    error(post(Map.of("model", "rag:" + kb, "messages", List.of(Map.of("role", "user", "content", big)))),
        413, "invalid_request_error", "body").body("error.message", containsString("limit"));
  }

  @Test
  void tooLongQuestionIsInvalid() {
    error(post(Map.of("model", "rag:" + kb, "messages", List.of(Map.of("role", "user", "content", "y".repeat(20_000))))),
        400, "invalid_request_error", "messages");
  }

  @Test
  void unknownPathsAndMethodsGetTheOpenAiShape() {
    error(given().contentType(ContentType.JSON).body("{}").post("/v1/completions").then(), 404, "invalid_request_error", null);
    error(given().get(CHAT).then(), 405, "invalid_request_error", null);
    error(given().get("/v1/models/no-such-model").then(), 404, "invalid_request_error", "model")
        .body("error.code", equalTo("model_not_found"));
  }

  @Test
  void restApiKeepsProblemDetails() {
    given().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/knowledge-bases")
        .then().statusCode(400).contentType("application/problem+json");
  }
}
