package io.augment.bootstrap.providers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.augment.adapter.in.grpc.v1.QueryRequest;
import io.augment.adapter.in.grpc.v1.RetrievalGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A remote generator that fails (HTTP 429 on every call): answers fail fast with a 502 naming the
 * provider, its URL and the server's own message, after the configured retries; retrieval and stored
 * data are untouched.
 */
@QuarkusTest
@QuarkusTestResource(value = RateLimitedServer.class, restrictToAnnotatedClass = true)
class ProviderFailureTest {
  private static final String KBS = "/api/v1/knowledge-bases";
  private String kb;

  @TestHTTPResource("/")
  URL server;

  @BeforeEach
  void seed() {
    kb = "down-" + System.nanoTime();
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    given().contentType(ContentType.JSON).body(Map.of("id", "tides", "text", "Tides are caused by the Moon's gravity."))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
  }

  @Test
  void answerIsA502ProblemNamingTheProviderAndItsError() {
    int before = RateLimitedServer.REQUESTS.get();
    given().contentType(ContentType.JSON).body(Map.of("question", "What causes tides?"))
        .post(KBS + "/" + kb + "/query").then().statusCode(502).contentType("application/problem+json")
        .body("detail", containsString("openai:gpt-test"))
        .body("detail", containsString("/v1"))
        .body("detail", containsString("HTTP 429"))
        .body("detail", containsString("Rate limit reached"))
        .body("detail", containsString("after 1 retries"));
    assertThat(RateLimitedServer.REQUESTS.get() - before).isEqualTo(2);
  }

  @Test
  void streamEndsWithAnErrorEvent() {
    String events = given().contentType(ContentType.JSON).accept("text/event-stream")
        .body(Map.of("question", "What causes tides?")).post(KBS + "/" + kb + "/query/stream")
        .then().statusCode(200).extract().asString();
    assertThat(events).contains("event:sources").contains("event:error").contains("\"status\":502")
        .contains("HTTP 429").doesNotContain("event:answer");
  }

  @Test
  void searchAndStoredDocumentsAreUnaffected() {
    given().contentType(ContentType.JSON).body(Map.of("question", "What causes tides?"))
        .post(KBS + "/" + kb + "/query").then().statusCode(502);
    given().contentType(ContentType.JSON).body(Map.of("query", "moon gravity", "topK", 1))
        .post(KBS + "/" + kb + "/search").then().statusCode(200).body("hits[0].documentId", equalTo("tides"));
    given().get(KBS + "/" + kb).then().statusCode(200).body("documents", equalTo(1));
  }

  @Test
  void openAiApiAnswersInOpenAisErrorShape() {
    given().contentType(ContentType.JSON)
        .body(Map.of("model", "rag:" + kb, "messages", List.of(Map.of("role", "user", "content", "What causes tides?"))))
        .post("/v1/chat/completions").then().statusCode(502).contentType(ContentType.JSON)
        .body("error.code", equalTo("backend_unavailable"))
        .body("error.message", containsString("openai:gpt-test"));
  }

  @Test
  void theOfflineGeneratorStaysAvailableOnV1() {
    given().get("/v1/models").then().statusCode(200)
        .body("data.id", org.hamcrest.Matchers.hasItems("openai:gpt-test", "extractive"));
    given().contentType(ContentType.JSON)
        .body(Map.of("model", "extractive", "messages", List.of(Map.of("role", "user", "content", "hello"))))
        .post("/v1/chat/completions").then().statusCode(200).body("model", equalTo("extractive"));
  }

  @Test
  void grpcQueryIsUnavailableNamingTheProvider() throws InterruptedException {
    ManagedChannel channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    try {
      var retrieval = RetrievalGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
      StatusRuntimeException e = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
          () -> retrieval.query(QueryRequest.newBuilder().setKnowledgeBase(kb).setQuestion("What causes tides?").build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(e.getStatus().getDescription()).contains("openai:gpt-test").contains("HTTP 429");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
