package io.augment.bootstrap;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("shared-app")
class RetrievalApiTest {
  private static final String KB = "/api/v1/knowledge-bases/retrieval";

  private static boolean seeded;

  @BeforeEach
  void seed() {
    if (seeded) {
      return;
    }
    seeded = true;
    given().contentType(ContentType.JSON).body(Map.of("name", "retrieval", "retrievalMode", "hybrid"))
        .post("/api/v1/knowledge-bases").then().statusCode(201).body("retrievalMode", equalTo("hybrid"));
    ingest("pump", "The XK-4471 pump needs a new gasket every 500 hours of operation.", Map.of("tags", "hardware, maintenance", "date", "2024-03-02"));
    ingest("coffee", "Espresso is brewed by forcing hot water through finely ground coffee.", Map.of("tags", "kitchen", "date", "2023-11-20"));
    ingest("valve", "Relief valves open when the pressure rises above the set point.", Map.of("tags", "hardware", "date", "2024-07-15"));
  }

  private static void ingest(String id, String text, Map<String, String> metadata) {
    given().contentType(ContentType.JSON).body(Map.of("id", id, "text", text, "metadata", metadata))
        .post(KB + "/documents").then().statusCode(201);
  }

  private static io.restassured.response.ValidatableResponse search(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).post(KB + "/search").then();
  }

  @Test
  void bm25FindsAnExactPartNumber() {
    search(Map.of("query", "XK-4471", "topK", 1, "mode", "bm25"))
        .statusCode(200).body("mode", equalTo("bm25")).body("hits.documentId", contains("pump"));
  }

  @Test
  void usesTheKnowledgeBasesDefaultModeAndFusesBothLists() {
    search(Map.of("query", "when does the XK-4471 pump need maintenance", "topK", 3))
        .statusCode(200).body("mode", equalTo("hybrid")).body("hits[0].documentId", equalTo("pump"));
  }

  @Test
  void denseModeCanBeChosenPerQuery() {
    search(Map.of("query", "making coffee", "topK", 1, "mode", "dense"))
        .statusCode(200).body("mode", equalTo("dense")).body("hits.documentId", contains("coffee"));
  }

  @Test
  void filtersByTagAndDateRange() {
    search(Map.of("query", "hardware", "topK", 5, "filter", Map.of("tags", Map.of("anyOf", List.of("hardware")))))
        .statusCode(200).body("hits.documentId", containsInAnyOrder("pump", "valve"));
    search(Map.of("query", "anything", "topK", 5, "filter", Map.of("date", Map.of("from", "2024-01-01", "to", "2024-06-30"))))
        .statusCode(200).body("hits.documentId", contains("pump"));
    search(Map.of("query", "anything", "topK", 5, "filter",
        Map.of("tags", Map.of("anyOf", List.of("hardware")), "date", Map.of("from", "2024-05-01")))).statusCode(200)
        .body("hits.documentId", contains("valve"));
  }

  @Test
  void saysWhyHydeWasSkippedWithoutAGenerativeModelAndRewritesOffline() {
    search(Map.of("query", "What does the relief valve do?", "topK", 2, "hyde", true, "queryVariants", 1))
        .statusCode(200).body("notes[0]", containsString("hyde skipped"))
        .body("queries", hasItem("relief valve")).body("hits[0].documentId", equalTo("valve"));
  }

  @Test
  void rejectsAnUnknownModeAndABadFilter() {
    search(Map.of("query", "x", "mode", "fuzzy")).statusCode(400).body("field", equalTo("mode"));
    search(Map.of("query", "x", "filter", Map.of("date", Map.of("between", "a")))).statusCode(400).body("field", equalTo("filter.date"));
  }

  @Test
  void reranksTheFusedCandidatesOffline() {
    search(Map.of("query", "what opens when pressure is too high", "topK", 1, "rerank", true))
        .statusCode(200).body("hits.documentId", contains("valve"));
  }
}
