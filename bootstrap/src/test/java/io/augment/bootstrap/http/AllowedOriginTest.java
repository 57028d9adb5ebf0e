package io.augment.bootstrap.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An origin listed in {@code augment.http.allowed-origins} may call the API, with CORS headers. */
@QuarkusTest
@TestProfile(AllowedOriginTest.AllowsOneOrigin.class)
class AllowedOriginTest {
  private static final String APP = "https://app.example.com";

  public static class AllowsOneOrigin implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("augment.http.allowed-origins", APP + "/");
    }
  }

  @Test
  void allowedOriginCreatesAKnowledgeBaseAndGetsCorsHeaders() {
    String kb = "allowed-" + System.nanoTime();
    RawHttp.Reply reply = RawHttp.send("POST", "/api/v1/knowledge-bases",
        Map.of("Origin", APP, "Content-Type", "application/json"), ("{\"name\":\"" + kb + "\"}").getBytes(StandardCharsets.UTF_8));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.headers()).containsEntry("access-control-allow-origin", APP);
    given().get("/api/v1/knowledge-bases/" + kb).then().statusCode(200);
  }

  @Test
  void allowedOriginsPreflightIsAnsweredAndNamesTheMarkerHeader() {
    RawHttp.Reply reply = RawHttp.send("OPTIONS", "/api/v1/knowledge-bases",
        Map.of("Origin", APP, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"), null);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.headers()).containsEntry("access-control-allow-origin", APP);
    assertThat(reply.headers().get("access-control-allow-headers")).contains("X-Augment-Request");
  }

  @Test
  void otherOriginsAreStillRefused() {
    assertThat(RawHttp.send("GET", "/api/v1/knowledge-bases", Map.of("Origin", "https://evil.example"), null).status())
        .isEqualTo(403);
  }
}
