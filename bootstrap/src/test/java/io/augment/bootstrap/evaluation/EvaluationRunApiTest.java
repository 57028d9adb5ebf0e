package io.augment.bootstrap.evaluation;

import org.junit.jupiter.api.Tag;
import static io.augment.bootstrap.evaluation.EvaluationApi.RUNS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.application.evaluation.ContenderAnswers;
import io.augment.application.evaluation.ContenderCheck;
import io.augment.application.evaluation.ContenderCosts;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.generation.Generators;
import io.augment.application.query.AnswerQuestion;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.VectorIndex;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation runs over REST, end to end on the extractive generator. */
@QuarkusTest
@Tag("shared-app")
class EvaluationRunApiTest {
  @Inject
  EvaluationRunRepository runRepository;
  @Inject
  EvaluationSetRepository setRepository;
  @Inject
  KnowledgeBaseRepository knowledgeBases;
  @Inject
  VectorIndex index;
  @Inject
  AnswerQuestion answers;
  @Inject
  Generators generators;

  @Test
  void runsTwoContendersToTheEndAndTheReportAgreesWithItsOwnPerQuestionResults() {
    String kb = EvaluationApi.knowledgeBase();
    String set = EvaluationApi.set(EvaluationApi.jsonl(1));
    String rag = "rag:" + kb + "@extractive";
    String closedBook = "generator:extractive";
    int questions = EvaluationApi.QUESTIONS.size();

    String id = given().contentType(ContentType.JSON).body(Map.of("evaluationSet", set, "contenders", List.of(rag, closedBook)))
        .post(RUNS).then().statusCode(202).header("Location", containsString(RUNS + "/"))
        .body("topK", equalTo(5)).body("maxTokens", equalTo(64)).body("contenders", equalTo(List.of(rag, closedBook)))
        .body("progress.total", equalTo(2 * questions)).body("links.results", startsWith(RUNS + "/"))
        .body("links.'report.html'", containsString("/report.html")).extract().path("id");

    JsonPath run = EvaluationApi.finished(id);
    assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
    assertThat(run.getInt("progress.done")).isEqualTo(2 * questions);
    assertThat(run.getDouble("progress.percent")).isEqualTo(100.0);
    assertThat(run.getString("finishedAt")).isNotNull();

    String ndjson = given().get(RUNS + "/" + id + "/results").then().statusCode(200)
        .contentType(startsWith("application/x-ndjson")).extract().asString();
    List<JsonNode> rows = EvaluationApi.lines(ndjson);
    assertThat(rows).hasSize(2 * questions);
    assertThat(rows.get(0).path("contender").asText()).isEqualTo(rag);
    assertThat(rows.get(1).path("contender").asText()).isEqualTo(closedBook);
    assertThat(rows.get(2).path("index").asInt()).isEqualTo(1);

    JsonNode report = EvaluationApi.tree(given().get(RUNS + "/" + id + "/report.json").then().statusCode(200).extract().asString());
    assertThat(report.path("run").path("id").asText()).isEqualTo(id);
    for (JsonNode contender : report.path("contenders")) {
      String label = contender.path("contender").asText();
      JsonNode s = contender.path("scores");
      recompute(rows, label).assertMatches(label, s.path("questions").asInt(), s.path("exactMatch").asDouble(),
          s.path("f1").asDouble(), s.path("contains").asDouble(), nullable(s.path("recallAtK")), nullable(s.path("mrr")),
          nullable(s.path("citesGold")), s.path("latencyP50Ms").asDouble(), s.path("latencyP95Ms").asDouble(),
          s.path("tokensIn").asLong(), s.path("tokensOut").asLong());
    }
    JsonNode ragResult = report.path("contenders").get(0);
    assertThat(ragResult.path("scores").path("recallAtK").asDouble()).as("the gold document is among 5 of 4").isEqualTo(1.0);
    assertThat(ragResult.path("cost").path("chunks").asLong()).isEqualTo(4);
    assertThat(ragResult.path("cost").path("trainableParameters").asLong()).isZero();
    JsonNode closed = report.path("contenders").get(1);
    assertThat(closed.path("scores").path("recallAtK").isNull()).as("closed book retrieves nothing").isTrue();
    assertThat(closed.path("cost").path("chunks").isNull()).as("a generator's cost is not recorded").isTrue();

    given().get(RUNS + "/" + id + "/report.md").then().statusCode(200).contentType(startsWith("text/markdown"))
        .body(containsString(rag)).body(containsString(closedBook));
    String html = given().get(RUNS + "/" + id + "/report.html").then().statusCode(200).contentType(startsWith("text/html"))
        .extract().asString();
    assertThat(html).contains(rag).contains("<svg").doesNotContainIgnoringCase("<script");
    given().get(RUNS).then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
  }

  @Test
  void cancelsARunMidwayKeepingTheAnswersItHadAndThenDeletesIt() {
    String kb = EvaluationApi.knowledgeBase();
    String set = EvaluationApi.set(EvaluationApi.jsonl(100));
    String id = EvaluationApi.start(set, List.of("rag:" + kb + "@extractive", "generator:extractive"));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> given().get(RUNS + "/" + id).then().extract().<Integer>path("progress.done") > 0);
    given().header("X-Augment-Request", "1").post(RUNS + "/" + id + "/cancel").then().statusCode(200).body("id", equalTo(id));

    JsonPath run = EvaluationApi.finished(id);
    assertThat(run.getString("status")).isEqualTo("cancelled");
    int done = run.getInt("progress.done");
    assertThat(done).as("stopped midway").isPositive().isLessThan(run.getInt("progress.total"));
    List<JsonNode> rows = EvaluationApi.lines(given().get(RUNS + "/" + id + "/results").then().statusCode(200).extract().asString());
    assertThat(rows).as("the answers counted are the answers stored").hasSize(done);
    given().header("X-Augment-Request", "1").post(RUNS + "/" + id + "/cancel").then().statusCode(200)
        .body("status", equalTo("cancelled")).body("progress.done", equalTo(done));

    given().delete(RUNS + "/" + id).then().statusCode(204);
    given().get(RUNS + "/" + id).then().statusCode(404).contentType("application/problem+json");
    given().get(RUNS + "/" + id + "/results").then().statusCode(404);
    given().get(RUNS).then().body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
  }

  @Test
  void refusesARunNamingAMissingKnowledgeBaseOrAMalformedContenderAndStartsNothing() {
    String set = EvaluationApi.set(EvaluationApi.jsonl(1));
    int before = given().get(RUNS).then().extract().jsonPath().getList("id").size();
    given().contentType(ContentType.JSON).body(Map.of("evaluationSet", set, "contenders", List.of("rag:no-such-kb")))
        .post(RUNS).then().statusCode(404).body("detail", containsString("contenders[0]"));
    given().contentType(ContentType.JSON).body(Map.of("evaluationSet", set, "contenders", List.of("generator:extractive", "gpt:4")))
        .post(RUNS).then().statusCode(400).body("field", equalTo("contenders[1]"));
    given().contentType(ContentType.JSON).body(Map.of("evaluationSet", "no-such-set", "contenders", List.of("generator:extractive")))
        .post(RUNS).then().statusCode(404);
    given().get(RUNS).then().body("id", hasSize(before));
  }

  @Test
  void comparesTheNamedContendersInTheirOrderAndRefusesAnUnknownOneNamingIt() {
    String kb = EvaluationApi.knowledgeBase();
    String compare = EvaluationApi.KBS + "/" + kb + "/compare";
    List<String> contenders = List.of("generator:extractive", "rag:" + kb + "@extractive");
    given().contentType(ContentType.JSON).body(Map.of("question", "What causes the tides?", "contenders", contenders))
        .post(compare).then().statusCode(200).body("answers.model", equalTo(contenders))
        .body("answers[1].citations[0].documentId", equalTo("tides"));
    given().contentType(ContentType.JSON).body(Map.of("question", "q", "contenders", List.of("rag:" + kb, "rag:no-such-kb")))
        .post(compare).then().statusCode(404).body("detail", containsString("contenders[1]"));
    given().contentType(ContentType.JSON).body(Map.of("question", "q", "contenders", List.of("gpt:4")))
        .post(compare).then().statusCode(400).body("field", equalTo("contenders[0]"));
    given().contentType(ContentType.JSON).body(Map.of("question", "q", "contenders", List.of("rag:" + kb), "adapters", List.of("x")))
        .post(compare).then().statusCode(400).body("field", equalTo("contenders"));
  }

  /**
   * A restart, as the use cases see it: a run a stop left RUNNING with one answer stored is read
   * from the database by the serving app, then resumed by a new {@link EvaluationRuns} over the
   * same repositories, which asks only what is missing and keeps the stored answer.
   */
  @Test
  void aRunStoppedMidwayIsReadFromTheDatabaseAndResumedByANewEvaluationRuns() {
    String kb = EvaluationApi.knowledgeBase();
    String set = EvaluationApi.set(EvaluationApi.jsonl(1));
    String label = "rag:" + kb + "@extractive";
    String id = EvaluationApi.unique("stopped");
    EvaluationRunSpec spec = new EvaluationRunSpec(set, null, List.of(Contender.parse("contenders[0]", label)), 2, 64);
    int total = EvaluationApi.QUESTIONS.size();
    runRepository.save(new EvaluationRun(id, spec, JobStatus.RUNNING, new Progress(1, total, "answers", 0, null),
        List.of(new ContenderResult(label, null, null, ContenderCost.UNKNOWN)), null, Instant.now(), null));
    runRepository.append(id, List.of(new QuestionResult(QuestionResult.EVALUATION, 0, label, EvaluationApi.QUESTIONS.get(0)[0],
        "answered before the stop", 0, 0, false, List.of("tides"), 1.0, 1.0, false, 3.0, 10, 4, null)));
    given().get(RUNS + "/" + id).then().statusCode(200).body("status", equalTo("running")).body("progress.done", equalTo(1));

    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      EvaluationRuns restarted = new EvaluationRuns(setRepository, runRepository,
          new ContenderCheck(knowledgeBases, null, generators), new ContenderAnswers(answers, generators),
          new ContenderCosts(knowledgeBases, index, null), executor, Clock.systemUTC());
      restarted.recover();
      await().atMost(Duration.ofSeconds(60)).until(() -> restarted.get(id).status().finished());
      assertThat(restarted.get(id).status()).isEqualTo(JobStatus.SUCCEEDED);
    } finally {
      executor.shutdownNow();
    }
    List<JsonNode> rows = EvaluationApi.lines(given().get(RUNS + "/" + id + "/results").then().statusCode(200).extract().asString());
    assertThat(rows).hasSize(total);
    assertThat(rows.get(0).path("answer").asText()).as("the stored answer is kept, not asked again").isEqualTo("answered before the stop");
    assertThat(rows.subList(1, total)).allSatisfy(r -> assertThat(r.path("answer").asText()).isNotEqualTo("answered before the stop"));
    given().get(RUNS + "/" + id).then().body("status", equalTo("succeeded")).body("progress.done", equalTo(total))
        .body("results[0].scores.questions", equalTo(total));
  }

  private static Recomputed recompute(List<JsonNode> rows, String contender) {
    return Recomputed.of(rows.stream().filter(r -> r.path("contender").asText().equals(contender))
        .filter(r -> r.path("set").asText().equals("evaluation"))
        .map(r -> new Recomputed.Row(r.path("exactMatch").asDouble(), r.path("f1").asDouble(), r.path("contains").asBoolean(),
            nullable(r.path("recallAtK")), nullable(r.path("reciprocalRank")),
            r.path("citedGold").isNull() ? null : r.path("citedGold").asBoolean(), r.path("latencyMs").asDouble(),
            r.path("tokensIn").asInt(), r.path("tokensOut").asInt(), r.path("error").isTextual()))
        .toList());
  }

  private static Double nullable(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : node.asDouble();
  }
}
