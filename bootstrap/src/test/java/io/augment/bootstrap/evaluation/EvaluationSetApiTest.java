package io.augment.bootstrap.evaluation;

import org.junit.jupiter.api.Tag;
import static io.augment.bootstrap.evaluation.EvaluationApi.SETS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation sets over REST: JSON, JSONL in JSON, a multipart JSONL file, and refusals that store nothing. */
@QuarkusTest
@Tag("shared-app")
class EvaluationSetApiTest {

  @Test
  void storesASetFromJsonQuestionsAndReadsItBackInPages() {
    String name = EvaluationApi.unique("json");
    List<Map<String, Object>> questions = List.of(
        Map.of("question", "What causes the tides?", "answers", List.of("the Moon", "lunar gravity"), "documentIds", List.of("tides")),
        Map.of("question", "Why does bread rise?", "answers", List.of("yeast")),
        Map.of("question", "How do glaciers form?", "answers", List.of("snow compacts"), "documentIds", List.of()));
    given().contentType(ContentType.JSON).body(Map.of("name", name, "description", "three", "questions", questions))
        .post(SETS).then().statusCode(201).header("Location", containsString(SETS + "/" + name))
        .body("name", equalTo(name)).body("questionCount", equalTo(3)).body("createdAt", startsWith("20"));

    given().queryParam("offset", 1).queryParam("limit", 1).get(SETS + "/" + name).then().statusCode(200)
        .body("description", equalTo("three")).body("questionCount", equalTo(3)).body("questions", hasSize(1))
        .body("questions[0].question", equalTo("Why does bread rise?")).body("questions[0].answers", equalTo(List.of("yeast")))
        .body("questions[0].documentIds", equalTo(List.of()));
    given().get(SETS + "/" + name).then().body("questions[0].answers", equalTo(List.of("the Moon", "lunar gravity")))
        .body("questions[0].documentIds", equalTo(List.of("tides")));
    assertThat(EvaluationApi.setNames()).contains(name);
  }

  @Test
  void storesASetFromAMultipartJsonlFileSkippingBlankLines() {
    String name = EvaluationApi.unique("file");
    String jsonl = "\n" + EvaluationApi.line("What causes the tides?", "the Moon", "tides") + "\n\n   \n"
        + EvaluationApi.line("How do glaciers form?", "snow", "glaciers") + "\r\n";
    given().header("X-Augment-Request", "1").multiPart("file", "set.jsonl", jsonl.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
        .multiPart("name", name).multiPart("description", "from a file").post(SETS)
        .then().statusCode(201).body("questionCount", equalTo(2)).body("description", equalTo("from a file"));
    given().get(SETS + "/" + name).then().body("questions.question", equalTo(List.of("What causes the tides?", "How do glaciers form?")));
  }

  @Test
  void refusesAFileWhoseSeventhLineIsNotJsonNamingLineAndFieldAndStoresNothing() {
    List<String> before = EvaluationApi.setNames();
    String name = EvaluationApi.unique("bad");
    // lines 1-5 good, line 6 blank (counted), line 7 broken
    String jsonl = EvaluationApi.jsonl(1).lines().limit(5).reduce("", (a, b) -> a + b + "\n") + "\n{\"question\": \"cut off\n";
    given().header("X-Augment-Request", "1").multiPart("file", "set.jsonl", jsonl.getBytes(StandardCharsets.UTF_8))
        .multiPart("name", name).post(SETS).then().statusCode(400).contentType("application/problem+json")
        .body("field", equalTo("file")).body("detail", containsString("line 7: not valid JSON ("));
    given().get(SETS + "/" + name).then().statusCode(404);
    assertThat(EvaluationApi.setNames()).isEqualTo(before);
  }

  @Test
  void refusesALineWithAnUnknownFieldOrNoAnswersNamingItsLineAndStoresNothing() {
    List<String> before = EvaluationApi.setNames();
    String good = EvaluationApi.line("What causes the tides?", "the Moon", "tides");
    String name = EvaluationApi.unique("bad");
    given().contentType(ContentType.JSON)
        .body(Map.of("name", name, "jsonl", good + "\n{\"question\":\"q\",\"answers\":[\"a\"],\"colour\":\"red\"}\n"))
        .post(SETS).then().statusCode(400).body("field", equalTo("jsonl")).body("detail", containsString("line 2: colour"));
    given().contentType(ContentType.JSON).body(Map.of("name", name, "jsonl", good + "\n" + good + "\n{\"question\":\"q\",\"answers\":[]}"))
        .post(SETS).then().statusCode(400).body("field", equalTo("jsonl")).body("detail", containsString("line 3: answers"));
    given().contentType(ContentType.JSON).body(Map.of("name", name, "questions",
        List.of(Map.of("question", "q", "answers", List.of("a")), Map.of("question", "q", "answers", List.of("a"), "documentIds", List.of("../x")))))
        .post(SETS).then().statusCode(400).body("field", equalTo("questions[1].documentIds[0]"));
    assertThat(EvaluationApi.setNames()).isEqualTo(before);
  }

  @Test
  void refusesADuplicateNameKeepingTheOriginalAndDeletesASet() {
    String name = EvaluationApi.set(EvaluationApi.jsonl(1));
    given().contentType(ContentType.JSON).body(Map.of("name", name, "jsonl", EvaluationApi.line("q", "a", "x")))
        .post(SETS).then().statusCode(409);
    given().get(SETS + "/" + name).then().statusCode(200).body("questionCount", equalTo(EvaluationApi.QUESTIONS.size()));
    given().delete(SETS + "/" + name).then().statusCode(204);
    given().get(SETS + "/" + name).then().statusCode(404);
    given().delete(SETS + "/" + name).then().statusCode(404);
  }
}
