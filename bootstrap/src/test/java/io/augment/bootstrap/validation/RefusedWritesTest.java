package io.augment.bootstrap.validation;

import org.junit.jupiter.api.Tag;
import static io.augment.bootstrap.validation.Api.KBS;
import static io.augment.bootstrap.validation.Api.badRequest;
import static io.augment.bootstrap.validation.Api.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A request over a store limit is a 400 naming its field, and nothing of it is written (finding 3, 4). */
@QuarkusTest
@Tag("shared-app")
class RefusedWritesTest {
  private static final String MARKER = "Zanzibar quokka marmalade";

  private static void nothingWritten(String kb) {
    given().get(KBS + "/" + kb).then().statusCode(200).body("documents", equalTo(1)).body("chunks", equalTo(1));
    given().get(KBS + "/" + kb + "/documents/victim").then().statusCode(404);
    post(KBS + "/" + kb + "/search", Map.of("query", MARKER, "topK", 5, "mode", "bm25")).statusCode(200)
        .body("hits.documentId", not(hasItem("victim")));
  }

  @Test
  void rejectsTitleLongerThanTheStoreAllowsBeforeWritingAnything() {
    String kb = Api.seeded();
    badRequest(post(KBS + "/" + kb + "/documents", Map.of("id", "victim", "title", "t".repeat(5_000), "text", MARKER)),
        "title");
    nothingWritten(kb);
  }

  @Test
  void rejectsAMetadataValueOverTheColumnNamingItsKey() {
    String kb = Api.seeded();
    badRequest(post(KBS + "/" + kb + "/documents",
        Map.of("id", "victim", "text", MARKER, "metadata", Map.of("notes", "n".repeat(10_001)))), "metadata.notes");
    nothingWritten(kb);
  }

  @Test
  void rejectsANullMetadataValueAsABadRequestNotAServerError() {
    String kb = Api.seeded();
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("lang", null);
    Map<String, Object> doc = new HashMap<>(Map.of("id", "victim", "text", MARKER));
    doc.put("metadata", metadata);
    badRequest(post(KBS + "/" + kb + "/documents", doc), "metadata.lang");
    badRequest(post(KBS + "/" + kb + "/ingest-jobs", Map.of("documents", List.of(doc))), "documents[0].metadata.lang");
    nothingWritten(kb);
  }

  @Test
  void refusesAWholeIngestJobNamingTheBadDocumentAndQueuesNothing() {
    String kb = Api.seeded();
    Map<String, Object> good = Map.of("id", "fine", "text", "A fine document.");
    badRequest(post(KBS + "/" + kb + "/ingest-jobs",
        Map.of("documents", List.of(good, Map.of("id", "victim", "title", "t".repeat(2_001), "text", MARKER)))),
        "documents[1].title");
    badRequest(post(KBS + "/" + kb + "/ingest-jobs", Map.of("documents", Arrays.asList(good, null))), "documents[1]");
    given().get(KBS + "/" + kb + "/documents/fine").then().statusCode(404);
    nothingWritten(kb);
  }

  @Test
  void rejectsTooManyMetadataKeysAndAnOverlongId() {
    String kb = Api.seeded();
    Map<String, String> many = new HashMap<>();
    IntStream.range(0, 65).forEach(i -> many.put("k" + i, "v"));
    badRequest(post(KBS + "/" + kb + "/documents", Map.of("id", "victim", "text", MARKER, "metadata", many)), "metadata");
    badRequest(post(KBS + "/" + kb + "/documents", Map.of("id", "v".repeat(201), "text", MARKER)), "id");
    nothingWritten(kb);
  }

  @Test
  void rejectsALongDescriptionAndCreatesNoKnowledgeBase() {
    badRequest(post(KBS, Map.of("name", "val-long-description", "description", "d".repeat(10_001))), "description");
    given().get(KBS + "/val-long-description").then().statusCode(404);
    given().get(KBS).then().body("name", not(hasItem("val-long-description")));
  }

  @Test
  void uploadedFilesGetTheSameChecks() {
    String kb = Api.seeded();
    badRequest(given().header("X-Augment-Request", "1").multiPart("file", "victim.txt", MARKER.getBytes(), "text/plain")
        .multiPart("title", "t".repeat(2_001)).post(KBS + "/" + kb + "/documents").then(), "title");
    badRequest(given().header("X-Augment-Request", "1").multiPart("file", "victim.txt", MARKER.getBytes(), "text/plain")
        .multiPart("metadata", "{\"lang\": null}").post(KBS + "/" + kb + "/documents").then(), "metadata.lang");
    nothingWritten(kb);
    given().get(KBS + "/" + kb + "/documents").then().body("$", hasSize(1));
  }
}
