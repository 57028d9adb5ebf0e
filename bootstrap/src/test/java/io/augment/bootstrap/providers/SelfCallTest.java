package io.augment.bootstrap.providers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.augment.adapter.in.openai.SelfCallGuard;
import io.augment.bootstrap.TestPorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A generator misconfigured to call this instance's own RAG model ({@code rag:loop}), which would
 * answer with that same generator: the request is refused at once with 508 instead of recursing
 * until the timeouts add up.
 */
@QuarkusTest
@TestProfile(SelfCallTest.CallsItself.class)
class SelfCallTest {
  private static final String KBS = "/api/v1/knowledge-bases";

  public static class CallsItself implements QuarkusTestProfile {
    private static final int PORT = TestPorts.free();

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.test-port", String.valueOf(PORT),
          "augment.generation.provider", "openai",
          "augment.generation.openai.base-url", "http://127.0.0.1:" + PORT + "/v1",
          "augment.generation.openai.model", "rag:loop",
          "augment.generation.openai.max-retries", "0",
          "augment.generation.openai.timeout", "20s");
    }
  }

  @Inject
  SelfCallGuard guard;

  @Test
  void aGeneratorPointedAtItsOwnRagModelFailsFastNamingTheLoop() {
    given().contentType(ContentType.JSON).body(Map.of("name", "loop")).post(KBS);
    given().contentType(ContentType.JSON).body(Map.of("id", "tides", "text", "Tides are caused by the Moon's gravity."))
        .post(KBS + "/loop/documents").then().statusCode(201);

    given().contentType(ContentType.JSON).body(Map.of("question", "What causes tides?"))
        .post(KBS + "/loop/query").then().statusCode(502)
        .body("detail", containsString("HTTP 508"))
        .body("detail", containsString("same Augment instance"))
        .body("detail", containsString("augment.generation.<provider>.base-url"));
  }

  @Test
  void requestsFromThisInstanceMayStillUseTheOfflineModels() {
    Map<String, Object> hello = Map.of("model", "extractive", "messages", List.of(Map.of("role", "user", "content", "hi")));
    given().contentType(ContentType.JSON).header(SelfCallGuard.HEADER, guard.instanceId()).body(hello)
        .post("/v1/chat/completions").then().statusCode(200);
    given().contentType(ContentType.JSON).header(SelfCallGuard.HEADER, guard.instanceId())
        .body(Map.of("model", "openai:rag:loop", "messages", List.of(Map.of("role", "user", "content", "hi"))))
        .post("/v1/chat/completions").then().statusCode(508).body("error.code", equalTo("loop_detected"));
    // Another instance's id is not a loop.
    given().contentType(ContentType.JSON).header(SelfCallGuard.HEADER, "another-instance").body(hello)
        .post("/v1/chat/completions").then().statusCode(200);
  }
}
