package io.augment.bootstrap.validation;

import org.junit.jupiter.api.Tag;
import static io.augment.bootstrap.validation.Api.KBS;
import static io.augment.bootstrap.validation.Api.badRequest;
import static io.augment.bootstrap.validation.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bad input is a 4xx naming the request's own field, in plain words; a bug is a 500 with an error id (finding 4, 5, 10). */
@QuarkusTest
@Tag("shared-app")
class ErrorShapesTest {

  @Test
  void rejectsPagingParametersOutsideTheirRangesNamingThem() {
    String kb = Api.seeded();
    String docs = KBS + "/" + kb + "/documents";
    for (String limit : List.of("abc", "0", "-1", "1001")) {
      badRequest(given().queryParam("limit", limit).get(docs).then(), "limit");
    }
    badRequest(given().queryParam("offset", "-1").get(docs).then(), "offset");
    badRequest(given().queryParam("offset", "x").get(docs).then(), "offset");
    given().queryParam("limit", "1000").queryParam("offset", "0").get(docs).then().statusCode(200).body("$", hasSize(1));
    given().get(docs).then().statusCode(200).body("$", hasSize(1));
  }

  @Test
  void namesTheFieldsAsTheRequestSpellsThem() {
    badRequest(post(KBS, Map.of("name", "val-chunks", "chunkSizeTokens", 4)), "chunkSizeTokens");
    badRequest(post(KBS, Map.of("name", "val-chunks", "chunkSizeTokens", 100, "chunkOverlapTokens", 60)), "chunkOverlapTokens");
    String kb = Api.seeded();
    badRequest(post(KBS + "/" + kb + "/search", Map.of("query", " ")), "query");
    badRequest(post(KBS + "/" + kb + "/query", Map.of("question", " ")), "question");
  }

  @Test
  void describesWrongJsonTypesInPlainWords() {
    String kb = Api.seeded();
    badRequest(post(KBS + "/" + kb + "/search", "{\"query\": \"x\", \"filter\": [1]}"), "filter")
        .body("detail", containsString("expected an object"));
    badRequest(post(KBS + "/" + kb + "/documents", "{\"text\": \"x\", \"metadata\": {\"lang\": {\"a\": 1}}}"), "metadata.lang")
        .body("detail", containsString("expected a string"));
    badRequest(post(KBS + "/" + kb + "/search", "{\"query\": \"x\", \"topK\": \"many\"}"), "topK")
        .body("detail", containsString("expected an integer"));
    badRequest(post(KBS + "/" + kb + "/documents", "[]"), "body").body("detail", containsString("expected an object"));
    badRequest(post(KBS + "/" + kb + "/documents", "{\"text\": "), null).body("detail", containsString("malformed JSON"));
  }

  @Test
  void boundsFiltersBeforeTheIndexSeesThem() {
    String kb = Api.seeded();
    Map<String, Object> keys = new LinkedHashMap<>();
    IntStream.range(0, 1_100).forEach(i -> keys.put("k" + i, "v"));
    badRequest(post(KBS + "/" + kb + "/search", Map.of("query", "tides", "filter", keys)), "filter");
    List<String> values = IntStream.range(0, 1_001).mapToObj(i -> "v" + i).toList();
    badRequest(post(KBS + "/" + kb + "/search", Map.of("query", "tides", "filter", Map.of("tag", values))), "filter.tag");
    badRequest(post(KBS + "/" + kb + "/query", Map.of("question", "tides", "filter", keys)), "filter");
  }

  @Test
  void streamsForAnUnknownKnowledgeBaseAnswerAsThePlainEndpointsDo() {
    Response plain = given().contentType(ContentType.JSON).body(Map.of("question", "tides?")).post(KBS + "/nope/query");
    Response stream = given().contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("question", "tides?"))
        .post(KBS + "/nope/query/stream");
    assertThat(plain.statusCode()).isEqualTo(404);
    assertThat(stream.statusCode()).isEqualTo(404);
    assertThat(stream.contentType()).startsWith("application/problem+json");
    assertThat(stream.asString()).isEqualTo(plain.asString());
    given().contentType(ContentType.JSON).accept("text/event-stream").body(Map.of())
        .post(KBS + "/nope/summary/stream").then().statusCode(404).contentType("application/problem+json");
    String kb = Api.seeded();
    badRequest(given().contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("groupSize", 1))
        .post(KBS + "/" + kb + "/summary/stream").then(), "groupSize");
  }

  @Test
  void malformedMultipartIsABadRequest() {
    String kb = Api.seeded();
    given().header("X-Augment-Request", "1").contentType("multipart/form-data; boundary=XYZ")
        .body("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno closing boundary".getBytes())
        .post(KBS + "/" + kb + "/documents").then().statusCode(400).contentType("application/problem+json")
        .body("field", equalTo("body"));
    given().header("X-Augment-Request", "1").contentType("multipart/form-data").body("no boundary at all".getBytes())
        .post(KBS + "/" + kb + "/documents").then().statusCode(400).contentType("application/problem+json");
    given().get(KBS + "/" + kb).then().body("documents", equalTo(1));
  }

  @Test
  void aBadRequestLogsAtMostOneShortLine() {
    String kb = Api.seeded();
    try (LogCapture log = new LogCapture()) {
      post(KBS + "/" + kb + "/documents", "{\"text\": \"x\", \"metadata\": {\"lang\": {\"a\": 1}}}").statusCode(400);
      post(KBS + "/" + kb + "/documents", Map.of("id", "v", "title", "t".repeat(5_000), "text", "x")).statusCode(400);
      given().queryParam("limit", "abc").get(KBS + "/" + kb + "/documents").then().statusCode(400);
      given().contentType(ContentType.JSON).body(Map.of("question", "q")).post(KBS + "/nope/query").then().statusCode(404);
      assertThat(log.lines()).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void anUnexpectedFailureIsA500WhoseErrorIdIsLoggedOnce() {
    try (LogCapture log = new LogCapture()) {
      String id = given().get("/test/unexpected-failure").then().statusCode(500).contentType("application/problem+json")
          .body("errorId", notNullValue()).body("detail", containsString("error id"))
          .body("detail", org.hamcrest.Matchers.not(containsString("IllegalStateException")))
          .extract().path("errorId");
      assertThat(log.mentions(id)).isTrue();
      assertThat(log.records.stream().filter(r -> r.getThrown() != null)).hasSize(1);
    }
  }
}
