package io.augment.bootstrap.http;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An id taken from a request never changes which resource is addressed: every route of the REST
 * and OpenAI APIs, with every path parameter (and every collection's next segment) replaced by a
 * dot segment, an encoded separator or NUL, is refused with 400 before routing, for GET and DELETE,
 * and the knowledge base the path would otherwise reach, with its documents, is still there.
 */
@QuarkusTest
@Tag("shared-app")
class DotSegmentIdsTest {
  private static final String VICTIM = "victim";
  private static final String KBS = "/api/v1/knowledge-bases";

  /** Every route with a path parameter, plus the collections (a hostile segment appended). */
  private static final List<String> ROUTES = List.of(
      KBS, KBS + "/{kb}", KBS + "/{kb}/documents", KBS + "/{kb}/documents/{id}", KBS + "/{kb}/documents/{id}/chunks",
      KBS + "/{kb}/ingest-jobs", KBS + "/{kb}/summary", KBS + "/{kb}/summary/jobs", KBS + "/{kb}/summary/stream",
      KBS + "/{kb}/compare", KBS + "/{kb}/search", KBS + "/{kb}/query", KBS + "/{kb}/query/stream",
      "/api/v1/ingest-jobs", "/api/v1/ingest-jobs/{id}", "/api/v1/summary-jobs/{id}",
      "/api/v1/fine-tunes", "/api/v1/fine-tunes/{id}", "/api/v1/adapters", "/api/v1/adapters/{name}",
      "/v1/models", "/v1/models/{model}", "/v1/chat/completions", "/v1/embeddings",
      "/api/v1/evaluation-sets", "/api/v1/evaluation-sets/{name}", "/api/v1/evaluations", "/api/v1/evaluations/{id}",
      "/api/v1/evaluations/{id}/results", "/api/v1/evaluations/{id}/report.html");

  /** Segments that are, or decode to, '.' or '..', or smuggle a separator or NUL. */
  private static final List<String> HOSTILE = List.of(
      "%2e%2e", ".%2E", "%2E%2E", "%2e.", "%2e", "..", ".", "x/%2e%2e/%2e%2e", "%2e%2e;x=1",
      "%2e%2e%2fknowledge-bases%2f" + VICTIM, "a%2Fb", "a%5cb", "a%5C..", "a%00b");
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  @BeforeEach
  void victimExists() {
    if (given().get(KBS + "/" + VICTIM).statusCode() == 404) {
      given().contentType(ContentType.JSON).body(Map.of("name", VICTIM)).post(KBS).then().statusCode(201);
      for (String id : List.of("tides", "bread")) {
        given().contentType(ContentType.JSON).body(Map.of("id", id, "text", "The " + id + " document of the victim."))
            .post(KBS + "/" + VICTIM + "/documents").then().statusCode(201);
      }
    }
  }

  static Stream<Arguments> routesAndMethods() {
    return ROUTES.stream().flatMap(route -> Stream.of(Arguments.of("GET", route), Arguments.of("DELETE", route)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routesAndMethods")
  void refusesDotSegmentsAndEncodedSeparatorsBeforeRoutingAndTouchesNothing(String method, String route) {
    for (String target : hostileTargets(route)) {
      RawHttp.Reply reply = RawHttp.send(method, target, Map.of(), null);
      assertThat(reply.status()).as("%s %s", method, target).isEqualTo(400);
      if (target.startsWith("/v1")) {
        assertThat(reply.contentType()).as(target).startsWith("application/json");
        assertThat(reply.json().getString("error.type")).as(target).isEqualTo("invalid_request_error");
        assertThat(reply.json().getString("error.param")).as(target).isNotBlank();
      } else {
        assertThat(reply.contentType()).as(target).startsWith("application/problem+json");
        assertThat(reply.json().getString("field")).as(target).isNotBlank();
      }
    }
    given().get(KBS + "/" + VICTIM).then().statusCode(200).body("name", equalTo(VICTIM));
    given().get(KBS + "/" + VICTIM + "/documents/tides").then().statusCode(200);
    given().get(KBS + "/" + VICTIM + "/documents/bread").then().statusCode(200);
  }

  @Test
  void namesThePathParameterTheHostileSegmentStandsFor() {
    assertThat(field("DELETE", KBS + "/" + VICTIM + "/documents/%2e%2e")).isEqualTo("id");
    assertThat(field("DELETE", KBS + "/%2E%2E")).isEqualTo("kb");
    assertThat(field("DELETE", "/api/v1/ingest-jobs/%2e%2e/knowledge-bases/" + VICTIM)).isEqualTo("id");
    assertThat(field("DELETE", "/api/v1/adapters/.%2E/knowledge-bases/" + VICTIM)).isEqualTo("name");
    assertThat(field("GET", KBS + "/" + VICTIM + "/documents/x/%2e%2e/%2e%2e")).isEqualTo("path");
    assertThat(field("DELETE", "/api/v1/evaluation-sets/%2e%2e")).isEqualTo("name");
    assertThat(field("DELETE", "/api/v1/evaluations/%2E%2E/report.html")).isEqualTo("id");
    RawHttp.Reply openAi = RawHttp.send("GET", "/v1/models/%2e%2e", Map.of(), null);
    assertThat(openAi.json().getString("error.param")).isEqualTo("model");
  }

  @Test
  void ordinaryIdsWithDotsStillWork() {
    given().contentType(ContentType.JSON).body(Map.of("id", "notes.v1..final", "text", "Dots inside an id are fine."))
        .post(KBS + "/" + VICTIM + "/documents").then().statusCode(201);
    given().get(KBS + "/" + VICTIM + "/documents/notes.v1..final").then().statusCode(200);
    given().get(KBS + "/" + VICTIM + "/documents/...").then().statusCode(404);
  }

  @Test
  void literalBackslashIsRefusedByTheHttpCodecBeforeAnyHandler() {
    assertThat(RawHttp.send("DELETE", KBS + "/" + VICTIM + "/documents/a\\..", Map.of(), null).status()).isEqualTo(400);
    given().get(KBS + "/" + VICTIM).then().statusCode(200);
  }

  private static String field(String method, String target) {
    RawHttp.Reply reply = RawHttp.send(method, target, Map.of(), null);
    assertThat(reply.status()).as(target).isEqualTo(400);
    return reply.json().getString("field");
  }

  /** The route with each parameter in turn (or an extra trailing segment) made hostile. */
  private static List<String> hostileTargets(String route) {
    List<String> slots = new ArrayList<>();
    Matcher m = PARAM.matcher(route);
    while (m.find()) {
      slots.add(m.group());
    }
    List<String> templates = new ArrayList<>();
    if (slots.isEmpty()) {
      templates.add(route + "/{hostile}");
    }
    for (String slot : slots) {
      templates.add(route.replace(slot, "{hostile}"));
    }
    List<String> targets = new ArrayList<>();
    for (String template : templates) {
      String concrete = template.replace("{kb}", VICTIM).replace("{id}", "tides").replace("{name}", "a")
          .replace("{model}", "m");
      for (String hostile : HOSTILE) {
        targets.add(concrete.replace("{hostile}", hostile));
        targets.add(concrete.replace("{hostile}", hostile + "/knowledge-bases/" + VICTIM));
      }
    }
    return targets;
  }
}
