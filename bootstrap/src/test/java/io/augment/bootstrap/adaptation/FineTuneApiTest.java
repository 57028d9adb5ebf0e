package io.augment.bootstrap.adaptation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.isOneOf;

import io.augment.adapter.in.grpc.GrpcErrors;
import io.augment.adapter.in.grpc.v1.Adapter;
import io.augment.adapter.in.grpc.v1.FineTuneJob;
import io.augment.adapter.in.grpc.v1.FineTuningGrpc;
import io.augment.adapter.in.grpc.v1.GetFineTuneJobRequest;
import io.augment.adapter.in.grpc.v1.ListAdaptersRequest;
import io.augment.adapter.in.grpc.v1.StartFineTuneRequest;
import io.augment.adapter.in.grpc.v1.TrainingOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The three ways on the same data: a knowledge base answers by RAG, and the same documents train a
 * model from scratch (full) and a LoRA adapter over it on the local engine, served as
 * {@code adapter:<name>} next to {@code rag:<kb>} on /v1. Tiny model, few steps: it checks the
 * plumbing and the numbers reported, not the quality of the answers.
 */
@QuarkusTest
@TestProfile(FineTuneApiTest.TinyEngine.class)
class FineTuneApiTest {
  private static final String KBS = "/api/v1/knowledge-bases";

  public static class TinyEngine implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "augment.engine.scratch.vocab-size", "320",
          "augment.engine.scratch.context-length", "32",
          "augment.engine.scratch.width", "32",
          "augment.engine.scratch.layers", "2",
          "augment.engine.scratch.heads", "2",
          "augment.engine.worker-heap-mb", "512");
    }
  }

  private static final List<String[]> DOCS = List.of(
      new String[] {"tides", "Tides rise and fall twice a day because the Moon pulls the oceans. The Sun adds a smaller pull."},
      new String[] {"bread", "Bread rises because yeast eats sugar and releases carbon dioxide that the gluten traps."},
      new String[] {"glaciers", "Glaciers form where snow piles up faster than it melts and compacts into dense ice."},
      new String[] {"volcanoes", "Volcanoes erupt when magma rises through the crust and reaches the surface."});

  private static Map<String, Object> training(int steps) {
    return Map.of("maxSteps", steps, "batchSize", 4, "sequenceLength", 16, "learningRate", 0.01);
  }

  private static JsonPath awaitDone(String location) {
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
        .until(() -> !List.of("queued", "running").contains(given().get(location).path("status")));
    return given().get(location).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void trainsAFullModelAndALoraAdapterOnAKnowledgeBaseAndServesThemBesideRag() {
    String kb = "ft-" + System.nanoTime();
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    for (String[] doc : DOCS) {
      given().contentType(ContentType.JSON).body(Map.of("id", doc[0], "text", doc[1]))
          .post(KBS + "/" + kb + "/documents").then().statusCode(201);
    }

    String base = kb + "-full";
    String location = given().contentType(ContentType.JSON)
        .body(Map.of("name", base, "baseModel", "scratch", "method", "full", "knowledgeBase", kb, "training", training(30)))
        .post("/api/v1/fine-tunes").then().statusCode(202)
        .body("status", isOneOf("queued", "running")).body("texts", equalTo(4)).body("method", equalTo("full"))
        .extract().header("Location");
    JsonPath full = awaitDone(location);
    assertThat(full.getString("status")).as(full.getString("error")).isEqualTo("succeeded");
    assertThat(full.getFloat("progress.percent")).isEqualTo(100f);
    assertThat(full.getLong("progress.done")).isEqualTo(30);
    assertThat(full.getFloat("metrics.trainablePercent")).isEqualTo(100f);
    assertThat(full.getList("metrics.lossCurve")).isNotEmpty();

    String lora = kb + "-lora";
    JsonPath adapter = awaitDone(given().contentType(ContentType.JSON)
        .body(Map.of("name", lora, "baseModel", base, "method", "lora", "knowledgeBase", kb,
            "lora", Map.of("rank", 2, "targetModules", List.of("q_proj", "v_proj")), "training", training(10)))
        .post("/api/v1/fine-tunes").then().statusCode(202).extract().header("Location"));
    assertThat(adapter.getString("status")).as(adapter.getString("error")).isEqualTo("succeeded");
    assertThat(adapter.getFloat("metrics.trainablePercent")).isLessThan(100f);
    assertThat(adapter.getLong("metrics.artifactBytes")).isLessThan(full.getLong("metrics.artifactBytes"));

    given().get("/api/v1/adapters").then().statusCode(200)
        .body("name", hasItems(base, lora)).body("find { it.name == '" + lora + "' }.method", equalTo("lora"))
        .body("find { it.name == '" + lora + "' }.baseModel", equalTo(base));
    given().get("/v1/models").then().statusCode(200).body("data.id", hasItems("adapter:" + lora, "adapter:" + base, "rag:" + kb));

    for (String model : List.of("adapter:" + lora, "rag:" + kb)) {
      given().contentType(ContentType.JSON)
          .body(Map.of("model", model, "max_tokens", 8, "messages", List.of(Map.of("role", "user", "content", "Why do tides rise?"))))
          .post("/v1/chat/completions").then().statusCode(200).body("model", equalTo(model))
          .body("choices[0].message.role", equalTo("assistant"));
    }
    given().get("/api/v1/fine-tunes").then().statusCode(200).body("name", hasItems(base, lora));

    given().contentType(ContentType.JSON)
        .body(Map.of("question", "Why do tides rise?", "adapters", List.of(lora, base), "maxTokens", 8))
        .post(KBS + "/" + kb + "/compare").then().statusCode(200)
        .body("answers.model", org.hamcrest.Matchers.contains("rag:" + kb, "adapter:" + lora, "adapter:" + base))
        .body("answers[0].citations[0].documentId", equalTo("tides"))
        .body("answers[1].citations", org.hamcrest.Matchers.empty())
        .body("answers[1].usage.completionTokens", org.hamcrest.Matchers.greaterThan(0))
        .body("answers[2].millis", org.hamcrest.Matchers.greaterThan(0f));
    given().contentType(ContentType.JSON).body(Map.of("question", "Why?", "adapters", List.of("no-such-adapter")))
        .post(KBS + "/" + kb + "/compare").then().statusCode(404);

    evaluatesRagAndBothTrainedModelsAndTheReportMatchesItsPerQuestionResults(kb, base, lora);
  }

  /** An evaluation set uploaded over REST, run against rag:<kb> and the two models trained above. */
  private void evaluatesRagAndBothTrainedModelsAndTheReportMatchesItsPerQuestionResults(String kb, String base, String lora) {
    String set = kb + "-qa";
    given().contentType(ContentType.JSON).body(Map.of("name", set, "questions", List.of(
        Map.of("question", "Why do tides rise?", "answers", List.of("the Moon pulls the oceans"), "documentIds", List.of("tides")),
        Map.of("question", "What makes bread rise?", "answers", List.of("yeast"), "documentIds", List.of("bread")),
        Map.of("question", "Where do glaciers form?", "answers", List.of("where snow piles up"), "documentIds", List.of("glaciers")))))
        .post("/api/v1/evaluation-sets").then().statusCode(201);
    List<String> contenders = List.of("rag:" + kb, "adapter:" + base, "adapter:" + lora, "rag:" + kb + "+adapter:" + lora);
    String id = given().contentType(ContentType.JSON)
        .body(Map.of("evaluationSet", set, "contenders", contenders, "topK", 2, "maxTokens", 8))
        .post("/api/v1/evaluations").then().statusCode(202).extract().path("id");
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
        List.of("succeeded", "failed", "cancelled").contains(given().get("/api/v1/evaluations/" + id).<String>path("status")));
    given().get("/api/v1/evaluations/" + id).then().body("status", equalTo("succeeded"));

    var rows = io.augment.bootstrap.evaluation.EvaluationRows.of(
        given().get("/api/v1/evaluations/" + id + "/results").then().statusCode(200).extract().asString());
    assertThat(rows).hasSize(3 * contenders.size());
    var report = io.augment.bootstrap.evaluation.EvaluationRows.tree(
        given().get("/api/v1/evaluations/" + id + "/report.json").then().statusCode(200).extract().asString());
    assertThat(report.path("contenders")).hasSize(contenders.size());
    for (var contender : report.path("contenders")) {
      String label = contender.path("contender").asText();
      io.augment.bootstrap.evaluation.Recomputed.ofJsonl(rows, label).assertMatches(label, contender.path("scores"));
    }
    var baseCost = report.path("contenders").get(1).path("cost");
    var loraCost = report.path("contenders").get(2).path("cost");
    assertThat(baseCost.path("trainableParameters").asLong()).as("full training trains every weight")
        .isEqualTo(baseCost.path("totalParameters").asLong()).isPositive();
    assertThat(loraCost.path("trainableParameters").asLong()).isPositive()
        .isLessThan(loraCost.path("totalParameters").asLong());
    assertThat(loraCost.path("artifactBytes").asLong()).isPositive().isLessThan(baseCost.path("artifactBytes").asLong());
    assertThat(loraCost.path("trainingSeconds").asDouble()).isPositive();
    String html = given().get("/api/v1/evaluations/" + id + "/report.html").then().statusCode(200).extract().asString();
    assertThat(html).contains("adapter:" + lora).contains("<svg").doesNotContainIgnoringCase("<script");
  }

  @TestHTTPResource("/")
  URL server;

  @Test
  void grpcClientsStartAndFollowTheSameJobs() throws InterruptedException {
    String kb = "ftg-" + System.nanoTime();
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    for (String[] doc : DOCS) {
      given().contentType(ContentType.JSON).body(Map.of("id", doc[0], "text", doc[1]))
          .post(KBS + "/" + kb + "/documents").then().statusCode(201);
    }
    ManagedChannel channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    try {
      var fineTuning = FineTuningGrpc.newBlockingStub(channel).withDeadlineAfter(4, TimeUnit.MINUTES);
      FineTuneJob started = fineTuning.start(StartFineTuneRequest.newBuilder().setName(kb + "-grpc").setMethod("full")
          .setKnowledgeBase(kb).setTraining(TrainingOptions.newBuilder().setMaxSteps(5).setBatchSize(2)
              .setSequenceLength(16).setLearningRate(0.01)).build());
      assertThat(started.getBaseModel()).isEqualTo("scratch");
      assertThat(started.getTexts()).isEqualTo(4);
      FineTuneJob job = started;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (List.of("queued", "running").contains(job.getStatus()) && System.nanoTime() < deadline) {
        Thread.sleep(300);
        job = fineTuning.get(GetFineTuneJobRequest.newBuilder().setId(started.getId()).build());
      }
      assertThat(job.getStatus()).as(job.getError()).isEqualTo("succeeded");
      assertThat(job.getProgress().getPercent()).isEqualTo(100.0);
      assertThat(job.getMetrics().getTrainablePercent()).isEqualTo(100.0);
      assertThat(fineTuning.listAdapters(ListAdaptersRequest.getDefaultInstance()).getAdaptersList())
          .extracting(Adapter::getModel).contains("adapter:" + kb + "-grpc");
      given().get("/api/v1/fine-tunes/" + started.getId()).then().statusCode(200).body("status", equalTo("succeeded"));

      StatusRuntimeException bad = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
          () -> fineTuning.start(StartFineTuneRequest.newBuilder().setName("x").setMethod("qlora").addTexts("t").build()));
      assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(bad.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("method");
      StatusRuntimeException missing = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
          () -> fineTuning.get(GetFineTuneJobRequest.newBuilder().setId("nope").build()));
      assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void refusesRequestsItCannotRunWithoutStartingAnything() {
    int before = given().get("/api/v1/fine-tunes").then().extract().jsonPath().getList("$").size();
    given().contentType(ContentType.JSON).body(Map.of("name", "x", "method", "qlora", "texts", List.of("some text")))
        .post("/api/v1/fine-tunes").then().statusCode(400).body("field", equalTo("method"));
    given().contentType(ContentType.JSON).body(Map.of("name", "x", "method", "full", "knowledgeBase", "no-such-kb"))
        .post("/api/v1/fine-tunes").then().statusCode(404);
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "x", "method", "full", "knowledgeBase", "kb", "texts", List.of("t")))
        .post("/api/v1/fine-tunes").then().statusCode(400).body("field", equalTo("knowledgeBase"));
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "x", "method", "lora", "baseModel", "scratch", "texts", List.of("some text")))
        .post("/api/v1/fine-tunes").then().statusCode(400);
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "x", "method", "full", "baseModel", "no-such-model", "texts", List.of("some text")))
        .post("/api/v1/fine-tunes").then().statusCode(404);
    given().get("/api/v1/fine-tunes/nope").then().statusCode(404);
    given().delete("/api/v1/adapters/nope").then().statusCode(404);
    given().get("/api/v1/fine-tunes").then().body("size()", equalTo(before));
    given().get("/api/v1/adapters").then().statusCode(200).body("name", org.hamcrest.Matchers.not(hasItem("x")));
  }
}
