package io.augment.bootstrap.evaluation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The evaluation tests' one fixture place: a seeded knowledge base, question sets, waiting, recomputing. */
final class EvaluationApi {
  static final String KBS = "/api/v1/knowledge-bases";
  static final String SETS = "/api/v1/evaluation-sets";
  static final String RUNS = "/api/v1/evaluations";
  static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Four short documents, each answering one kind of question below. */
  private static final Map<String, String> DOCUMENTS = Map.of(
      "tides", "Tides are caused mainly by the gravitational pull of the Moon on the oceans. "
          + "The Sun contributes a smaller effect, which is why spring tides happen at new and full moon.",
      "bread", "Sourdough bread rises because wild yeast and lactic acid bacteria ferment the dough. "
          + "A starter is kept alive by feeding it flour and water every day.",
      "glaciers", "Glaciers form where snow piles up faster than it melts. Over decades the snow compacts into glacial ice.",
      "deserts", "Deserts receive less than 250 millimetres of rain a year. Cacti store water in their stems.");

  /** Questions whose references are in the documents, with gold ids (index: question, answer, gold). */
  static final List<String[]> QUESTIONS = List.of(
      new String[] {"What causes the tides?", "the gravitational pull of the Moon", "tides"},
      new String[] {"Why does sourdough bread rise?", "wild yeast and lactic acid bacteria ferment the dough", "bread"},
      new String[] {"How do glaciers form?", "snow piles up faster than it melts", "glaciers"},
      new String[] {"How much rain falls in a desert?", "less than 250 millimetres", "deserts"},
      new String[] {"How is a sourdough starter kept alive?", "by feeding it flour and water every day", "bread"},
      new String[] {"Where do cacti store water?", "in their stems", "deserts"});

  private EvaluationApi() {}

  static String unique(String prefix) {
    return prefix + "-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
  }

  /** A new knowledge base holding the four documents. */
  static String knowledgeBase() {
    String kb = unique("evkb");
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    DOCUMENTS.forEach((id, text) -> given().contentType(ContentType.JSON).body(Map.of("id", id, "title", id, "text", text))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201));
    return kb;
  }

  /** The questions as JSONL, each repeated {@code times} times (a big set for cancelling). */
  static String jsonl(int times) {
    StringBuilder out = new StringBuilder();
    for (int t = 0; t < times; t++) {
      for (String[] q : QUESTIONS) {
        out.append(line(q[0], q[1], q[2])).append('\n');
      }
    }
    return out.toString();
  }

  static String line(String question, String answer, String gold) {
    try {
      return JSON.writeValueAsString(Map.of("question", question, "answers", List.of(answer), "documentIds", List.of(gold)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores a set from JSONL over REST JSON; returns its name. */
  static String set(String jsonl) {
    String name = unique("evset");
    given().contentType(ContentType.JSON).body(Map.of("name", name, "description", "test", "jsonl", jsonl))
        .post(SETS).then().statusCode(201);
    return name;
  }

  /** The names of the stored sets. */
  static List<String> setNames() {
    return given().get(SETS).then().statusCode(200).extract().jsonPath().getList("name", String.class);
  }

  /** Starts a run over REST; returns its id. */
  static String start(String set, List<String> contenders) {
    return given().contentType(ContentType.JSON).body(Map.of("evaluationSet", set, "contenders", contenders, "topK", 2))
        .post(RUNS).then().statusCode(202).extract().path("id");
  }

  /** The run once it has finished (60 s at most). */
  static JsonPath finished(String id) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> FINISHED.contains(
        given().get(RUNS + "/" + id).then().statusCode(200).extract().<String>path("status")));
    return given().get(RUNS + "/" + id).then().statusCode(200).extract().jsonPath();
  }

  /** Parses an {@code application/x-ndjson} body, one object per line. */
  static List<JsonNode> lines(String ndjson) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : ndjson.split("\n")) {
      if (!line.isBlank()) {
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("not a JSON line: " + line, e);
        }
      }
    }
    return out;
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
