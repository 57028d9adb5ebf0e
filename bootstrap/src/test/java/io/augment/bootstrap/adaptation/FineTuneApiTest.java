package io.augment.bootstrap.adaptation;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.isOneOf;

import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.GrpcErrors;
import io.augment.adapter.in.grpc.v1.Adapter;
import io.augment.adapter.in.grpc.v1.DeleteAdapterRequest;
import io.augment.adapter.in.grpc.v1.DeleteTrainingFileRequest;
import io.augment.adapter.in.grpc.v1.FineTuneJob;
import io.augment.adapter.in.grpc.v1.FineTuneJobUpdate;
import io.augment.adapter.in.grpc.v1.FineTuningGrpc;
import io.augment.adapter.in.grpc.v1.GetFineTuneJobRequest;
import io.augment.adapter.in.grpc.v1.GetTrainingFileRequest;
import io.augment.adapter.in.grpc.v1.ListAdaptersRequest;
import io.augment.adapter.in.grpc.v1.ListFineTuneCheckpointsRequest;
import io.augment.adapter.in.grpc.v1.ListFineTuneEventsRequest;
import io.augment.adapter.in.grpc.v1.ListTrainingFilesRequest;
import io.augment.adapter.in.grpc.v1.StartFineTuneRequest;
import io.augment.adapter.in.grpc.v1.TrainingFile;
import io.augment.adapter.in.grpc.v1.TrainingOptions;
import io.augment.adapter.in.grpc.v1.UploadTrainingFileRequest;
import io.augment.adapter.in.grpc.v1.WatchFineTuneJobRequest;
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
import java.util.ArrayList;
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
@Tag("shared-tiny-engine")
@TestProfile(FineTuneApiTest.TinyEngine.class)
class FineTuneApiTest {
  private static final String KBS = "/api/v1/knowledge-bases";

  public static class TinyEngine implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "augment.engine.scratch.vocab-size", "320",
          "augment.engine.scratch.context-length", "128", // OpenAI's API has no sequence length: the default 128 must fit
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
    return TrainingData.awaitEnd(location);
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
        .body("status", isOneOf("queued", "running")).body("examples", equalTo(4)).body("method", equalTo("full"))
        .body("source", equalTo("knowledge-base:" + kb)).body("model", org.hamcrest.Matchers.nullValue())
        .extract().header("Location");
    JsonPath full = awaitDone(location);
    assertThat(full.getString("status")).as(full.getString("error")).isEqualTo("succeeded");
    assertThat(full.getString("model")).isEqualTo("adapter:" + base);
    assertThat(full.getString("finishedAt")).isNotNull();
    eventsAreStoredOldestFirstAndEndWithSuccess(location);
    List<Integer> steps = given().get(location + "/checkpoints").then().statusCode(200).extract().path("step");
    assertThat(steps).as("the newest checkpoints (2 kept by default), oldest first").isNotEmpty().hasSizeLessThanOrEqualTo(2)
        .isSorted().doesNotHaveDuplicates().allSatisfy(step -> assertThat(step).isBetween(1, 30));
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

  private static void eventsAreStoredOldestFirstAndEndWithSuccess(String location) {
    JsonPath events = given().get(location + "/events").then().statusCode(200).extract().jsonPath();
    List<Integer> seqs = events.getList("seq", Integer.class);
    assertThat(seqs.get(0)).isEqualTo(1);
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
    assertThat(events.getString("message[-1]")).contains("succeeded");
    assertThat(events.getList("findAll { it.metrics != null }.metrics.step", Integer.class))
        .as("the first and last steps' metrics are always stored").contains(1, 30);
    List<Integer> page = given().queryParam("after", 2).queryParam("limit", 3).get(location + "/events").then()
        .statusCode(200).extract().path("seq");
    assertThat(page).containsExactly(3, 4, 5);
    given().queryParam("limit", 0).get(location + "/events").then().statusCode(400).body("field", equalTo("limit"));
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

  /**
   * gRPC: a chat JSONL file uploaded, a job started on it and watched to its end (every event once,
   * in order, then the final job), the same job read over REST; then the model deleted.
   */
  @Test
  void grpcClientsUploadTrainWatchAndDeleteTheSameJobsAndModels() throws InterruptedException {
    String name = "ftg-" + System.nanoTime();
    ManagedChannel channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    try {
      var fineTuning = FineTuningGrpc.newBlockingStub(channel).withDeadlineAfter(4, TimeUnit.MINUTES);
      TrainingFile file = fineTuning.uploadFile(UploadTrainingFileRequest.newBuilder().setFilename("chat.jsonl")
          .setPurpose("fine-tune").setContent(ByteString.copyFrom(TrainingData.chat())).build());
      assertThat(file.getId()).startsWith("file-");
      assertThat(file.getExamples()).isEqualTo(TrainingData.CHAT_EXAMPLES);
      assertThat(fineTuning.listFiles(ListTrainingFilesRequest.getDefaultInstance()).getFilesList())
          .extracting(TrainingFile::getId).contains(file.getId());

      FineTuneJob started = fineTuning.start(StartFineTuneRequest.newBuilder().setName(name).setMethod("full")
          .setTrainingFile(file.getId()).setTraining(TrainingOptions.newBuilder().setMaxSteps(5).setBatchSize(2)
              .setSequenceLength(16).setLearningRate(0.01)).build());
      assertThat(started.getBaseModel()).isEqualTo("scratch");
      assertThat(started.getExamples()).isEqualTo(TrainingData.CHAT_EXAMPLES);
      assertThat(started.getSource()).isEqualTo("file:" + file.getId());

      List<FineTuneJobUpdate> updates = new ArrayList<>();
      fineTuning.watch(WatchFineTuneJobRequest.newBuilder().setId(started.getId()).build()).forEachRemaining(updates::add);
      assertThat(updates.get(0).getJob().getId()).isEqualTo(started.getId());
      FineTuneJob last = updates.get(updates.size() - 1).getJob();
      assertThat(last.getStatus()).as(last.getError()).isEqualTo("succeeded");
      assertThat(last.getModel()).isEqualTo("adapter:" + name);
      assertThat(last.getProgress().getPercent()).isEqualTo(100.0);
      List<Long> watched = updates.stream().filter(FineTuneJobUpdate::hasEvent).map(u -> u.getEvent().getSeq()).toList();
      List<Long> stored = fineTuning.listEvents(ListFineTuneEventsRequest.newBuilder().setId(started.getId()).build())
          .getEventsList().stream().map(e -> e.getSeq()).toList();
      assertThat(watched).as("every stored event, once, in order").isEqualTo(stored).startsWith(1L);
      assertThat(updates.stream().filter(FineTuneJobUpdate::hasEvent).map(u -> u.getEvent().getMessage()).toList()
          .get(watched.size() - 1)).contains("succeeded");
      assertThat(fineTuning.listEvents(ListFineTuneEventsRequest.newBuilder().setId(started.getId()).setAfterSeq(2)
          .setLimit(2).build()).getEventsList()).extracting(e -> e.getSeq()).containsExactly(3L, 4L);
      assertThat(fineTuning.listCheckpoints(ListFineTuneCheckpointsRequest.newBuilder().setId(started.getId()).build())
          .getCheckpointsList()).isNotEmpty();

      List<FineTuneJobUpdate> afterEnd = new ArrayList<>();
      fineTuning.watch(WatchFineTuneJobRequest.newBuilder().setId(started.getId()).setAfterSeq(stored.get(stored.size() - 1))
          .build()).forEachRemaining(afterEnd::add);
      assertThat(afterEnd).as("a finished job: its state twice, no events").hasSize(2).noneMatch(FineTuneJobUpdate::hasEvent);

      given().get("/api/v1/fine-tunes/" + started.getId()).then().statusCode(200).body("status", equalTo("succeeded"))
          .body("source", equalTo("file:" + file.getId()));
      assertThat(fineTuning.listAdapters(ListAdaptersRequest.getDefaultInstance()).getAdaptersList())
          .extracting(Adapter::getModel).contains("adapter:" + name);
      fineTuning.deleteAdapter(DeleteAdapterRequest.newBuilder().setName(name).build());
      assertThat(fineTuning.listAdapters(ListAdaptersRequest.getDefaultInstance()).getAdaptersList())
          .extracting(Adapter::getName).doesNotContain(name);
      fineTuning.deleteFile(DeleteTrainingFileRequest.newBuilder().setId(file.getId()).build());
      assertThat(codeOf(() -> fineTuning.getFile(GetTrainingFileRequest.newBuilder().setId(file.getId()).build())))
          .isEqualTo(Status.Code.NOT_FOUND);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void grpcRefusesBadInputNamingTheFieldAndUnknownJobsAsNotFound() throws InterruptedException {
    ManagedChannel channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    try {
      var fineTuning = FineTuningGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      StatusRuntimeException bad = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
          () -> fineTuning.start(StartFineTuneRequest.newBuilder().setName("x").setMethod("qlora").addTexts("t").build()));
      assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(bad.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("method");

      StatusRuntimeException line = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
          () -> fineTuning.uploadFile(UploadTrainingFileRequest.newBuilder().setFilename("bad.jsonl").setPurpose("fine-tune")
              .setContent(ByteString.copyFrom(TrainingData.badLine2())).build()));
      assertThat(line.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(line.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("file");
      assertThat(line.getStatus().getDescription()).contains("line 2");

      StatusRuntimeException noFile = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
          () -> fineTuning.start(StartFineTuneRequest.newBuilder().setName("x").setMethod("full")
              .setTrainingFile("file-nope").build()));
      assertThat(noFile.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("trainingFile");

      assertThat(codeOf(() -> fineTuning.get(GetFineTuneJobRequest.newBuilder().setId("nope").build())))
          .isEqualTo(Status.Code.NOT_FOUND);
      assertThat(codeOf(() -> fineTuning.watch(WatchFineTuneJobRequest.newBuilder().setId("nope").build()).hasNext()))
          .isEqualTo(Status.Code.NOT_FOUND);
      assertThat(codeOf(() -> fineTuning.deleteAdapter(DeleteAdapterRequest.newBuilder().setName("nope").build())))
          .isEqualTo(Status.Code.NOT_FOUND);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static Status.Code codeOf(Runnable call) {
    StatusRuntimeException e = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
        call::run);
    assertThat(e).as("refused").isNotNull();
    return e.getStatus().getCode();
  }

  /** A job cancelled while it trains ends cancelled, says so in its events, and installs nothing. */
  @Test
  void cancellingARunningJobEndsItCancelledAndInstallsNothing() {
    String name = "cancel-" + System.nanoTime();
    String location = given().contentType(ContentType.JSON)
        .body(Map.of("name", name, "method", "full", "texts", List.of("Tides rise and fall twice a day.", "Bread rises."),
            "training", Map.of("maxSteps", 1_000_000, "batchSize", 2, "sequenceLength", 16)))
        .post("/api/v1/fine-tunes").then().statusCode(202).extract().header("Location");
    TrainingData.awaitStatus(location, "running"::equals);
    given().delete(location).then().statusCode(200).body("model", org.hamcrest.Matchers.nullValue());
    assertThat(TrainingData.awaitEnd(location).getString("status")).isEqualTo("cancelled");
    List<String> messages = given().get(location + "/events").then().statusCode(200).extract().path("message");
    assertThat(messages.get(messages.size() - 1)).contains("cancelled");
    given().get("/api/v1/adapters").then().statusCode(200).body("name", org.hamcrest.Matchers.not(hasItem(name)));
    given().delete(location).then().statusCode(200).body("status", equalTo("cancelled")); // cancelling again changes nothing
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
    given().contentType(ContentType.JSON).body(Map.of("name", "x", "method", "full", "trainingFile", "file-nope"))
        .post("/api/v1/fine-tunes").then().statusCode(400).body("field", equalTo("trainingFile"));
    given().get("/api/v1/fine-tunes/nope").then().statusCode(404);
    given().get("/api/v1/fine-tunes/nope/events").then().statusCode(404);
    given().delete("/api/v1/adapters/nope").then().statusCode(404);
    given().get("/api/v1/fine-tunes").then().body("size()", equalTo(before));
    given().get("/api/v1/adapters").then().statusCode(200).body("name", org.hamcrest.Matchers.not(hasItem("x")));
  }
}
