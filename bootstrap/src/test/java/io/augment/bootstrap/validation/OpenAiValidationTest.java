package io.augment.bootstrap.validation;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /v1 refuses bad input in OpenAI's error shape with {@code param} naming the field, before any work (finding 4, 5, 6). */
@QuarkusTest
@Tag("shared-app")
class OpenAiValidationTest {
  private static final String CHAT = "/v1/chat/completions";
  private static final String EMBEDDINGS = "/v1/embeddings";

  private static ValidatableResponse invalid(ValidatableResponse response, String param) {
    return response.statusCode(400).contentType(ContentType.JSON).body("error.type", equalTo("invalid_request_error"))
        .body("error.param", equalTo(param)).body("error.message", not(containsString("java.")));
  }

  private static ValidatableResponse post(String path, Object body) {
    return given().contentType(ContentType.JSON).body(body).post(path).then();
  }

  @Test
  void aMessageWithoutARoleIsABadRequestNamingIt() {
    String kb = Api.seeded();
    invalid(post(CHAT, Map.of("model", "rag:" + kb, "messages", List.of(Map.of()))), "messages[0].role");
    invalid(post(CHAT, Map.of("model", "extractive", "messages",
        List.of(Map.of("role", "user", "content", "hi"), Map.of("content", "no role")))), "messages[1].role");
    invalid(post(CHAT, "{\"model\": \"extractive\", \"messages\": [null]}"), "messages[0]");
  }

  @Test
  void aStreamForAnUnknownKnowledgeBaseAnswersAsThePlainCallDoes() {
    Map<String, Object> body = Map.of("model", "rag:nope", "messages", List.of(Map.of("role", "user", "content", "hi")));
    String plain = post(CHAT, body).statusCode(404).extract().asString();
    Map<String, Object> streamed = new java.util.HashMap<>(body);
    streamed.put("stream", true);
    String stream = post(CHAT, streamed).statusCode(404).contentType(ContentType.JSON)
        .body("error.code", equalTo("model_not_found")).extract().asString();
    assertThat(stream).isEqualTo(plain);
  }

  @Test
  void refusesAnOverlongEmbeddingInputBeforeTokenizingIt() {
    long start = System.nanoTime();
    invalid(post(EMBEDDINGS, Map.of("input", "x".repeat(150_000))), "input")
        .body("error.code", equalTo("context_length_exceeded")).body("error.message", containsString("characters"));
    invalid(post(EMBEDDINGS, Map.of("input", List.of("fine", "y ".repeat(60_000)))), "input[1]")
        .body("error.code", equalTo("context_length_exceeded"));
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
  }

  @Test
  void wrongJsonTypesAreDescribedInPlainWords() {
    invalid(post(CHAT, "{\"model\": \"extractive\", \"messages\": {\"role\": \"user\"}}"), "messages")
        .body("error.message", containsString("expected an array"));
  }
}
