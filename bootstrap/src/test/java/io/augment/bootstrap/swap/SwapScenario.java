package io.augment.bootstrap.swap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One end-to-end scenario (create, ingest, search, query, stream, delete) that every backend
 * configuration must pass unchanged; each subclass picks a configuration with a test profile.
 */
abstract class SwapScenario {
  private static final String KBS = "/api/v1/knowledge-bases";

  /** What the configuration under test should report, e.g. its vector store. */
  protected abstract String expectedGenerator();

  @Test
  void createIngestSearchQueryStreamAndDelete() {
    String kb = "swap-" + getClass().getSimpleName().toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + System.nanoTime();
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    given().header("X-Augment-Request", "1").multiPart("file", "glaciers.md", ("# Glaciers\n\nGlaciers form where snow accumulates faster than it melts. "
            + "Over decades the snow compacts into dense glacial ice.").getBytes(), "text/markdown")
        .post(KBS + "/" + kb + "/documents").then().statusCode(201).body("documentId", equalTo("glaciers"));
    given().contentType(ContentType.JSON)
        .body(Map.of("id", "deserts", "text", "Deserts receive less than 250 millimetres of rain a year.", "metadata", Map.of("biome", "dry")))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);

    given().contentType(ContentType.JSON).body(Map.of("query", "how much rain falls in a desert", "topK", 1))
        .post(KBS + "/" + kb + "/search").then().statusCode(200).body("hits[0].documentId", equalTo("deserts"));
    given().contentType(ContentType.JSON).body(Map.of("query", "ice", "topK", 5, "filter", Map.of("biome", "dry")))
        .post(KBS + "/" + kb + "/search").then().statusCode(200).body("hits", hasSize(1));

    given().contentType(ContentType.JSON).body(Map.of("question", "How do glaciers form?", "topK", 2))
        .post(KBS + "/" + kb + "/query").then().statusCode(200)
        .body("generator", equalTo(expectedGenerator())).body("citations[0].documentId", equalTo("glaciers"))
        .body("text", containsString("snow"));

    String events = given().contentType(ContentType.JSON).accept("text/event-stream")
        .body(Map.of("question", "How do glaciers form?", "topK", 1))
        .post(KBS + "/" + kb + "/query/stream").then().statusCode(200).extract().asString();
    assertThat(events).contains("event:sources").contains("event:token").contains("event:answer").contains("glaciers#0");

    given().delete(KBS + "/" + kb + "/documents/glaciers").then().statusCode(204);
    given().contentType(ContentType.JSON).body(Map.of("query", "glacial ice", "topK", 5))
        .post(KBS + "/" + kb + "/search").then().statusCode(200).body("hits.documentId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("glaciers")));
    given().get(KBS + "/" + kb).then().body("documents", equalTo(1)).body("chunks", equalTo(1));
  }
}
