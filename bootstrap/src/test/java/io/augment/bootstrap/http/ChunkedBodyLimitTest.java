package io.augment.bootstrap.http;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code augment.limits.max-request-bytes} (200000 in tests) counts the bytes actually received:
 * a chunked body, which declares no length, is refused with 413 once it passes the limit, and
 * nothing is written; a chunked body within the limit is served as usual.
 */
@QuarkusTest
@Tag("shared-app")
class ChunkedBodyLimitTest {
  private static final String KBS = "/api/v1/knowledge-bases";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private String kb;

  @BeforeEach
  void knowledgeBase() {
    kb = "chunked-" + System.nanoTime();
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
  }

  private static byte[] document(String id, int textBytes) {
    return ("{\"id\":\"" + id + "\",\"text\":\"" + "word ".repeat(textBytes / 5) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void refusesAChunkedBatchOverTheLimitWith413AndWritesNothing() {
    // Four documents, each well under max-document-bytes, together over max-request-bytes.
    StringBuilder batch = new StringBuilder("{\"documents\":[");
    for (int i = 0; i < 4; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"id\":\"part-").append(i).append("\",\"text\":\"")
          .append("word ".repeat(12_000)).append("\"}");
    }
    byte[] body = batch.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    RawHttp.Reply reply = RawHttp.sendChunked("POST", KBS + "/" + kb + "/ingest-jobs", JSON, body, 8192);

    assertThat(reply.status()).as(reply.body()).isEqualTo(413);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("field")).isEqualTo("body");
    assertThat(reply.json().getString("detail")).contains("augment.limits.max-request-bytes").contains("200000");
    given().get("/api/v1/ingest-jobs").then().statusCode(200).body("findAll { it.knowledgeBase == '" + kb + "' }.size()", equalTo(0));
    given().get(KBS + "/" + kb + "/documents").then().statusCode(200).body("items.size()", equalTo(0));
  }

  @Test
  void refusesAChunkedBodyOverTheLimitOnTheOpenAiApiInItsShape() {
    byte[] chat = ("{\"model\":\"rag:" + kb + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + "why ".repeat(60_000) + "\"}]}").getBytes(StandardCharsets.UTF_8);
    RawHttp.Reply reply = RawHttp.sendChunked("POST", "/v1/chat/completions", JSON, chat, 8192);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json().getString("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.json().getString("error.param")).isEqualTo("body");
    assertThat(reply.json().getString("error.message")).contains("augment.limits.max-request-bytes");
  }

  @Test
  void servesAChunkedBodyWithinTheLimit() {
    RawHttp.Reply reply = RawHttp.sendChunked("POST", KBS + "/" + kb + "/documents", JSON, document("small", 50_000), 4096);

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    given().get(KBS + "/" + kb + "/documents/small").then().statusCode(200);
  }

  @Test
  void servesAChunkedMultipartUploadWithinTheLimit() {
    String boundary = "edge-boundary";
    byte[] form = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kettle.md\"\r\n"
        + "Content-Type: text/markdown\r\n\r\n# Kettle\n\nDescale the kettle with citric acid monthly.\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
    RawHttp.Reply reply = RawHttp.sendChunked("POST", KBS + "/" + kb + "/documents",
        Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "X-Augment-Request", "1"), form, 64);

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  @Test
  void refusesADeclaredLengthOverTheLimitBeforeReadingIt() {
    RawHttp.Reply reply = RawHttp.send("POST", KBS + "/" + kb + "/documents", JSON, document("declared", 260_000));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().getString("field")).isEqualTo("body");
    given().get(KBS + "/" + kb + "/documents/declared").then().statusCode(404);
  }
}
