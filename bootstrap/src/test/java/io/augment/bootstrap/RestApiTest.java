package io.augment.bootstrap;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("shared-app")
class RestApiTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String KBS = "/api/v1/knowledge-bases";

  private static String newKnowledgeBase() {
    String name = "kb-" + COUNTER.incrementAndGet();
    given().contentType(ContentType.JSON).body(Map.of("name", name, "description", "test"))
        .post(KBS).then().statusCode(201).body("name", equalTo(name)).body("embeddingModel", equalTo("all-minilm-l6-v2"))
        .body("dimension", equalTo(384)).body("maxInputTokens", equalTo(256));
    return name;
  }

  private static void ingest(String kb, String id, String title, String text) {
    given().contentType(ContentType.JSON).body(Map.of("id", id, "title", title, "text", text))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201).body("outcome", equalTo("created"));
  }

  private static void seed(String kb) {
    ingest(kb, "tides", "Tides", "Tides are caused mainly by the gravitational pull of the Moon on the oceans. "
        + "The Sun contributes a smaller effect, which is why spring tides happen at new and full moon.");
    ingest(kb, "bread", "Bread", "Sourdough bread rises because wild yeast and lactic acid bacteria ferment the dough. "
        + "A starter is kept alive by feeding it flour and water every day.");
  }

  @Test
  void createsListsReadsAndDeletesKnowledgeBases() {
    String kb = newKnowledgeBase();
    given().get(KBS).then().statusCode(200).body("name", hasItem(kb));
    given().get(KBS + "/" + kb).then().statusCode(200).body("documents", equalTo(0)).body("chunkSizeTokens", equalTo(200));
    given().delete(KBS + "/" + kb).then().statusCode(204);
    given().get(KBS + "/" + kb).then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
  }

  @Test
  void refusesADuplicateNameAndKeepsTheOriginal() {
    String kb = newKnowledgeBase();
    seed(kb);
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS)
        .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(kb));
    given().get(KBS + "/" + kb).then().body("documents", equalTo(2)).body("description", equalTo("test"));
  }

  @Test
  void reingestingUnchangedTextIsANoOpAndChangedTextReplacesChunks() {
    String kb = newKnowledgeBase();
    seed(kb);
    given().contentType(ContentType.JSON).body(Map.of("id", "tides", "title", "Tides", "text",
            "Tides are caused mainly by the gravitational pull of the Moon on the oceans. "
                + "The Sun contributes a smaller effect, which is why spring tides happen at new and full moon."))
        .post(KBS + "/" + kb + "/documents").then().statusCode(200).body("outcome", equalTo("unchanged"));
    given().contentType(ContentType.JSON).body(Map.of("id", "tides", "title", "Tides", "text", "Tides rise twice a day."))
        .post(KBS + "/" + kb + "/documents").then().statusCode(200).body("outcome", equalTo("updated"));
    given().get(KBS + "/" + kb + "/documents/tides/chunks").then().statusCode(200)
        .body("$", hasSize(1)).body("[0].text", equalTo("Tides rise twice a day."));
  }

  @Test
  void searchesAndAnswersWithCitationsAndTimings() {
    String kb = newKnowledgeBase();
    seed(kb);
    given().contentType(ContentType.JSON).body(Map.of("query", "what makes dough rise", "topK", 2))
        .post(KBS + "/" + kb + "/search").then().statusCode(200)
        .body("hits", hasSize(2)).body("hits[0].documentId", equalTo("bread")).body("hits[0].rank", equalTo(1));

    given().contentType(ContentType.JSON).body(Map.of("question", "What causes the tides?", "topK", 2))
        .post(KBS + "/" + kb + "/query").then().statusCode(200)
        .body("extractive", equalTo(true)).body("generator", equalTo("extractive"))
        .body("text", containsString("Moon")).body("text", containsString("[1]"))
        .body("citations[0].documentId", equalTo("tides")).body("citations[0].chunkId", equalTo("tides#0"))
        .body("citations[0].title", equalTo("Tides")).body("citations[0].score", greaterThan(0.5f))
        .body("citations[0].cited", equalTo(true))
        .body("timings.embedMs", notNullValue()).body("timings.searchMs", notNullValue())
        .body("timings.augmentMs", notNullValue()).body("timings.generateMs", notNullValue());
  }

  @Test
  void filtersByMetadataAndDocumentId() {
    String kb = newKnowledgeBase();
    given().contentType(ContentType.JSON).body(Map.of("id", "a", "text", "Apples are red fruit.", "metadata", Map.of("lang", "en")))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
    given().contentType(ContentType.JSON).body(Map.of("id", "b", "text", "Pommes sont des fruits.", "metadata", Map.of("lang", "fr")))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
    given().contentType(ContentType.JSON).body(Map.of("query", "red apples", "topK", 5, "filter", Map.of("lang", "fr")))
        .post(KBS + "/" + kb + "/search").then().statusCode(200).body("hits.documentId", equalTo(List.of("b")));
    given().contentType(ContentType.JSON).body(Map.of("query", "red apples", "topK", 5, "filter", Map.of("documentId", List.of("a", "b"))))
        .post(KBS + "/" + kb + "/search").then().statusCode(200).body("hits", hasSize(2));
  }

  @Test
  void streamsTheAnswerAsServerSentEvents() {
    String kb = newKnowledgeBase();
    seed(kb);
    String body = given().contentType(ContentType.JSON).accept("text/event-stream")
        .body(Map.of("question", "How is a sourdough starter kept alive?"))
        .post(KBS + "/" + kb + "/query/stream").then().statusCode(200).extract().asString();
    int sources = body.indexOf("event:sources");
    int token = body.indexOf("event:token");
    int answer = body.indexOf("event:answer");
    assertThat(sources).isGreaterThanOrEqualTo(0);
    assertThat(token).isGreaterThan(sources);
    assertThat(answer).isGreaterThan(token);
    assertThat(body.substring(answer)).contains("\"citations\"").contains("flour");
  }

  @Test
  void uploadsMarkdownAndHtmlFiles() {
    String kb = newKnowledgeBase();
    given().header("X-Augment-Request", "1").multiPart("file", "guide.md", "# Kettle guide\n\nDescale the kettle with citric acid monthly.".getBytes(), "text/markdown")
        .multiPart("metadata", "{\"team\":\"ops\"}")
        .post(KBS + "/" + kb + "/documents").then().statusCode(201)
        .body("documentId", equalTo("guide")).body("document.title", equalTo("Kettle guide"))
        .body("document.metadata.team", equalTo("ops"));
    given().header("X-Augment-Request", "1").multiPart("file", "page.html", "<html><head><title>Plants</title><script>x()</script></head><body><p>Water ferns twice a week.</p></body></html>".getBytes(), "text/html")
        .post(KBS + "/" + kb + "/documents").then().statusCode(201).body("document.title", equalTo("Plants"));
    given().get(KBS + "/" + kb + "/documents/page/chunks").then().body("[0].text", startsWith("Water ferns"))
        .body("[0].text", org.hamcrest.Matchers.not(containsString("x()")));
  }

  @Test
  void rejectsBadInputWithProblemDetailsAndLosesNothing() {
    String kb = newKnowledgeBase();
    seed(kb);
    // empty text
    given().contentType(ContentType.JSON).body(Map.of("id", "x", "text", "  "))
        .post(KBS + "/" + kb + "/documents").then().statusCode(400).contentType("application/problem+json").body("field", equalTo("text"));
    // unknown knowledge base
    given().contentType(ContentType.JSON).body(Map.of("text", "hello"))
        .post(KBS + "/does-not-exist/documents").then().statusCode(404).contentType("application/problem+json")
        .body("detail", containsString("does-not-exist"));
    // malformed JSON
    given().contentType(ContentType.JSON).body("{\"id\": \"x\", \"text\": ")
        .post(KBS + "/" + kb + "/documents").then().statusCode(400).contentType("application/problem+json")
        .body("detail", containsString("malformed JSON"));
    // wrong JSON type names the field
    given().contentType(ContentType.JSON).body("{\"query\": \"x\", \"topK\": \"many\"}")
        .post(KBS + "/" + kb + "/search").then().statusCode(400).contentType("application/problem+json").body("field", equalTo("topK"));
    // unsupported file type
    given().header("X-Augment-Request", "1").multiPart("file", "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")
        .post(KBS + "/" + kb + "/documents").then().statusCode(415).contentType("application/problem+json")
        .body("detail", containsString("text/markdown"));
    // oversized body (test limit: 200000 bytes)
    given().contentType(ContentType.JSON).body(Map.of("id", "big", "text", "a ".repeat(150_000)))
        .post(KBS + "/" + kb + "/documents").then().statusCode(413).contentType("application/problem+json");
    // bad topK and invalid name
    given().contentType(ContentType.JSON).body(Map.of("question", "q", "topK", 0))
        .post(KBS + "/" + kb + "/query").then().statusCode(400).body("field", equalTo("topK"));
    given().contentType(ContentType.JSON).body(Map.of("name", "Bad Name!"))
        .post(KBS).then().statusCode(400).body("field", equalTo("name"));
    // nothing stored was lost
    given().get(KBS + "/" + kb).then().body("documents", equalTo(2)).body("chunks", equalTo(2));
    given().contentType(ContentType.JSON).body(Map.of("query", "tides", "topK", 5))
        .post(KBS + "/" + kb + "/search").then().body("hits", hasSize(2));
  }

  @Test
  void deletingADocumentRemovesItFromSearch() {
    String kb = newKnowledgeBase();
    seed(kb);
    given().delete(KBS + "/" + kb + "/documents/tides").then().statusCode(204);
    given().get(KBS + "/" + kb + "/documents/tides").then().statusCode(404);
    given().contentType(ContentType.JSON).body(Map.of("query", "moon tides", "topK", 5))
        .post(KBS + "/" + kb + "/search").then().body("hits.documentId", everyItem(equalTo("bread")));
  }

  @Test
  void runsALargeUploadAsAJobWithProgress() {
    String kb = newKnowledgeBase();
    List<Map<String, String>> docs = java.util.stream.IntStream.range(0, 12)
        .mapToObj(i -> Map.of("id", "doc-" + i, "text", "Document number " + i + " talks about topic " + i + ".")).toList();
    String id = given().contentType(ContentType.JSON).body(Map.of("documents", docs))
        .post(KBS + "/" + kb + "/ingest-jobs").then().statusCode(202).body("documents", equalTo(12))
        .extract().path("id");
    await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(given().get("/api/v1/ingest-jobs/" + id).path("status")));
    given().get("/api/v1/ingest-jobs/" + id).then()
        .body("progress.done", equalTo(12)).body("progress.total", equalTo(12)).body("progress.percent", equalTo(100.0f))
        .body("progress.ratePerSecond", greaterThan(0f)).body("results", hasSize(12));
    given().get(KBS + "/" + kb).then().body("documents", equalTo(12));
    given().get("/api/v1/ingest-jobs/nope").then().statusCode(404);
  }

  @Test
  void publishesHealthMetricsAndOpenApi() {
    await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    String kb = newKnowledgeBase();
    seed(kb);
    given().contentType(ContentType.JSON).body(Map.of("question", "tides?")).post(KBS + "/" + kb + "/query").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("augment_chunks")).body(containsString("augment_query_seconds_count"))
        .body(containsString("augment_ingest_documents_total{outcome=\"created\"")).body(containsString("augment_ingest_chunks_total"));
    given().get("/q/openapi?format=json").then().statusCode(200)
        .body(containsString("/api/v1/knowledge-bases/{kb}/query"))
        .body("components.securitySchemes.apiKey.scheme", org.hamcrest.Matchers.equalToIgnoringCase("bearer"))
        .body("security[0].apiKey", org.hamcrest.Matchers.notNullValue());
  }
}
