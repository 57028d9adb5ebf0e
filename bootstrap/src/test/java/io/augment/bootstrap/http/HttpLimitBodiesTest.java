package io.augment.bootstrap.http;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refusals for an over-long request target (414) or oversized headers (431) carry a body:
 * problem+json on the REST API, OpenAI's error shape on {@code /v1}.
 */
@QuarkusTest
@Tag("shared-app")
class HttpLimitBodiesTest {
  private static final String LONG = "a".repeat(5_000);

  @Test
  void overLongTargetIs414WithAProblemBody() {
    RawHttp.Reply reply = RawHttp.send("GET", "/api/v1/knowledge-bases/" + LONG, Map.of(), null);

    assertThat(reply.status()).isEqualTo(414);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("detail")).contains("augment.http.max-uri-length");
  }

  @Test
  void overLongTargetIs414InTheOpenAiShapeOnV1() {
    RawHttp.Reply reply = RawHttp.send("GET", "/v1/models/" + LONG, Map.of(), null);

    assertThat(reply.status()).isEqualTo(414);
    assertThat(reply.json().getString("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.json().getString("error.message")).contains("augment.http.max-uri-length");
  }

  @Test
  void oversizedHeadersAre431WithABody() {
    Map<String, String> big = Map.of("X-Padding", "p".repeat(25_000));

    RawHttp.Reply rest = RawHttp.send("GET", "/api/v1/knowledge-bases", big, null);
    assertThat(rest.status()).isEqualTo(431);
    assertThat(rest.contentType()).startsWith("application/problem+json");
    assertThat(rest.json().getString("detail")).contains("augment.http.max-header-bytes");

    RawHttp.Reply openAi = RawHttp.send("GET", "/v1/models", big, null);
    assertThat(openAi.status()).isEqualTo(431);
    assertThat(openAi.json().getString("error.message")).contains("augment.http.max-header-bytes");
  }
}
