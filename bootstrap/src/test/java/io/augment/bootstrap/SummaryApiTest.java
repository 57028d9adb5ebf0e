package io.augment.bootstrap;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("shared-app")
class SummaryApiTest {
  private static final String KBS = "/api/v1/knowledge-bases";

  /** 40 one-chunk documents: more than any top-k (max 100 chunks... of which a prompt shows a handful). */
  private static String corpus(String name) {
    given().contentType(ContentType.JSON).body(Map.of("name", name)).post(KBS).then().statusCode(201);
    List<Map<String, String>> docs = IntStream.range(0, 40).mapToObj(i -> Map.of("id", "note-" + i,
        "text", "Station " + i + " recorded heavy rainfall during the spring storms. "
            + "The river gauge at station " + i + " rose by " + (i + 10) + " centimetres in one night.")).toList();
    String job = given().contentType(ContentType.JSON).body(Map.of("documents", docs))
        .post(KBS + "/" + name + "/ingest-jobs").then().statusCode(202).extract().path("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> "succeeded".equals(given().get("/api/v1/ingest-jobs/" + job).path("status")));
    return name;
  }

  @Test
  void summarisesEveryChunkAndCachesUntilTheKnowledgeBaseChanges() {
    String kb = corpus("summary-sync");
    given().contentType(ContentType.JSON).body(Map.of("groupSize", 8, "maxSentences", 4))
        .post(KBS + "/" + kb + "/summary").then().statusCode(200)
        .body("chunksRead", equalTo(40)).body("totalChunks", equalTo(40)).body("documents", equalTo(40))
        .body("extractive", equalTo(true)).body("cached", equalTo(false)).body("levels", greaterThan(1))
        .body("text", containsString("rain"));
    given().contentType(ContentType.JSON).body(Map.of("groupSize", 8, "maxSentences", 4))
        .post(KBS + "/" + kb + "/summary").then().statusCode(200).body("cached", equalTo(true));
    given().contentType(ContentType.JSON).body(Map.of("id", "extra", "text", "A late report arrived."))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
    given().contentType(ContentType.JSON).body(Map.of("groupSize", 8, "maxSentences", 4))
        .post(KBS + "/" + kb + "/summary").then().statusCode(200).body("cached", equalTo(false)).body("chunksRead", equalTo(41));
  }

  @Test
  void runsAsAJobWithProgressAndStreamsProgressEvents() {
    String kb = corpus("summary-job");
    String id = given().contentType(ContentType.JSON).body(Map.of("groupSize", 5))
        .post(KBS + "/" + kb + "/summary/jobs").then().statusCode(202).extract().path("id");
    await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(given().get("/api/v1/summary-jobs/" + id).path("status")));
    given().get("/api/v1/summary-jobs/" + id).then().body("progress.percent", equalTo(100.0f))
        .body("summary.chunksRead", equalTo(40));

    String events = given().contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("groupSize", 4))
        .post(KBS + "/" + kb + "/summary/stream").then().statusCode(200).extract().asString();
    org.assertj.core.api.Assertions.assertThat(events).contains("event:progress").contains("event:summary")
        .contains("\"chunksRead\":40");
  }

  @Test
  void rejectsUnknownKnowledgeBasesAndBadSettings() {
    given().contentType(ContentType.JSON).body(Map.of()).post(KBS + "/nope/summary").then().statusCode(404)
        .contentType("application/problem+json");
    given().contentType(ContentType.JSON).body(Map.of()).post(KBS + "/nope/summary/jobs").then().statusCode(404);
    given().contentType(ContentType.JSON).body(Map.of("name", "summary-bad")).post(KBS).then().statusCode(201);
    given().contentType(ContentType.JSON).body(Map.of("groupSize", 1)).post(KBS + "/summary-bad/summary").then()
        .statusCode(400).body("field", equalTo("groupSize"));
    given().get("/api/v1/summary-jobs/missing").then().statusCode(404);
  }
}
