package io.augment.bootstrap.adaptation;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's files and fine-tuning jobs API in OpenAI's own shapes, as raw HTTP and through the
 * official Node SDK: upload, train, follow events and checkpoints page by page, then chat with the
 * model the job made. Refusals are OpenAI errors naming the request's own parameter.
 */
@QuarkusTest
@Tag("shared-tiny-engine")
@TestProfile(FineTuneApiTest.TinyEngine.class)
class OpenAiFineTuningApiTest {
  private static final String FILES = "/v1/files";
  private static final String JOBS = "/v1/fine_tuning/jobs";
  private static final Path SCRIPT_DIR = Path.of("src/test/node");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/v1")
  URL v1;

  /** As OpenAI's SDKs send it: a bearer key (any, authentication is off here) and no other marker. */
  private static RequestSpecification sdk() {
    return given().header("Authorization", "Bearer sk-test");
  }

  private static String upload(byte[] jsonl) {
    return sdk().multiPart("file", "train.jsonl", jsonl, "application/jsonl").multiPart("purpose", "fine-tune")
        .post(FILES).then().statusCode(200).body("object", equalTo("file")).body("purpose", equalTo("fine-tune"))
        .body("status", equalTo("processed")).body("filename", equalTo("train.jsonl"))
        .body("bytes", equalTo(jsonl.length)).extract().path("id");
  }

  private static Map<String, Object> supervised(Map<String, Object> hyperparameters) {
    return Map.of("type", "supervised", "supervised", Map.of("hyperparameters", hyperparameters));
  }

  @Test
  void trainsOnAnUploadedFileAndServesTheFineTunedModelInOpenAisShapes() {
    String file = upload(TrainingData.chat());
    sdk().get(FILES).then().statusCode(200).body("object", equalTo("list")).body("data.id", hasItem(file))
        .body("has_more", equalTo(false));
    sdk().get(FILES + "/" + file).then().statusCode(200).body("id", equalTo(file));
    assertThat(sdk().get(FILES + "/" + file + "/content").then().statusCode(200).extract().asByteArray())
        .isEqualTo(TrainingData.chat());

    String validation = upload(TrainingData.chat());
    JsonPath created = sdk().contentType(ContentType.JSON).body(Map.of("model", "scratch", "training_file", file,
            "validation_file", validation, "suffix", "raw", "seed", 3, "method", supervised(Map.of("n_epochs", 2, "batch_size", 2,
                "learning_rate_multiplier", 2))))
        .post(JOBS).then().statusCode(200).body("object", equalTo("fine_tuning.job"))
        .body("status", isOneOf("queued", "running")).body("model", equalTo("scratch"))
        .body("fine_tuned_model", nullValue()).body("training_file", equalTo(file)).body("validation_file", equalTo(validation))
        .body("hyperparameters.n_epochs", equalTo(2)).body("hyperparameters.batch_size", equalTo(2))
        .body("hyperparameters.learning_rate_multiplier", equalTo(2.0f))
        .body("method.type", equalTo("supervised")).body("method.supervised.hyperparameters.n_epochs", equalTo(2))
        .body("seed", equalTo(3)).body("result_files.size()", equalTo(0)).body("error", nullValue())
        .extract().jsonPath();
    String id = created.getString("id");
    assertThat(id).startsWith("ftjob-");
    assertThat(created.getString("organization_id")).isNotBlank();

    JsonPath done = TrainingData.awaitEnd(JOBS + "/" + id);
    assertThat(done.getString("status")).as(done.getString("error.message")).isEqualTo("succeeded");
    String model = done.getString("fine_tuned_model");
    assertThat(model).matches("adapter:ft-raw-[0-9a-f]{8}");
    assertThat(done.getLong("trained_tokens")).isPositive();
    assertThat(done.getLong("finished_at")).isGreaterThanOrEqualTo(done.getLong("created_at"));

    eventsAreListedNewestFirstPageByPage(id);
    List<Float> validLosses = sdk().queryParam("limit", 100).get(JOBS + "/" + id + "/events").then().extract()
        .path("data.findAll { it.type == 'metrics' && it.data.valid_loss != null }.data.valid_loss");
    assertThat(validLosses).as("the validation file's loss is reported").isNotEmpty().allSatisfy(l -> assertThat(l).isPositive());
    checkpointsAreListedNewestFirst(id, model.substring("adapter:".length()));
    sdk().queryParam("limit", 1).get(JOBS).then().statusCode(200).body("object", equalTo("list"))
        .body("data.size()", equalTo(1)).body("data[0].object", equalTo("fine_tuning.job"));
    sdk().queryParam("limit", 100).get(JOBS).then().body("data.id", hasItem(id));

    sdk().get("/v1/models").then().statusCode(200).body("data.id", hasItem(model));
    sdk().contentType(ContentType.JSON)
        .body(Map.of("model", model, "max_tokens", 8, "messages", List.of(Map.of("role", "user", "content", "What makes bread rise?"))))
        .post("/v1/chat/completions").then().statusCode(200).body("model", equalTo(model))
        .body("choices[0].message.role", equalTo("assistant"));

    sdk().delete(FILES + "/" + file).then().statusCode(200).body("id", equalTo(file)).body("object", equalTo("file"))
        .body("deleted", equalTo(true));
    sdk().get(FILES + "/" + file).then().statusCode(404).body("error.param", equalTo("id"));
    sdk().get(JOBS + "/" + id).then().statusCode(200).body("status", equalTo("succeeded")); // the job outlives its file

    sdk().get("/v1/models/scratch").then().statusCode(200).body("id", equalTo("scratch")); // what a remote trainer checks
    sdk().delete("/v1/models/" + model).then().statusCode(200).body("id", equalTo(model)).body("deleted", equalTo(true));
    sdk().get("/v1/models").then().body("data.id", org.hamcrest.Matchers.not(hasItem(model)));
    sdk().delete("/v1/models/" + model).then().statusCode(404).body("error.code", equalTo("model_not_found"));
  }

  private static void eventsAreListedNewestFirstPageByPage(String id) {
    List<String> ids = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      RequestSpecification page = sdk().queryParam("limit", 2);
      if (after != null) {
        page.queryParam("after", after);
      }
      JsonPath body = page.get(JOBS + "/" + id + "/events").then().statusCode(200).body("object", equalTo("list"))
          .extract().jsonPath();
      List<String> data = body.getList("data.id");
      assertThat(data).hasSizeLessThanOrEqualTo(2);
      ids.addAll(data);
      more = body.getBoolean("has_more");
      after = data.isEmpty() ? after : data.get(data.size() - 1);
      assertThat(ids.size()).as("pages end").isLessThan(10_000);
    }
    List<Long> seqs = ids.stream().map(e -> Long.parseLong(e.substring(e.lastIndexOf('-') + 1))).toList();
    assertThat(ids).allSatisfy(e -> assertThat(e).startsWith("ftevent-" + id + "-"));
    assertThat(seqs).as("newest first, each once, down to the first").isSortedAccordingTo((a, b) -> Long.compare(b, a))
        .doesNotHaveDuplicates().endsWith(1L);
    JsonPath newest = sdk().queryParam("limit", 100).get(JOBS + "/" + id + "/events").then().extract().jsonPath();
    assertThat(newest.getString("data[0].message")).contains("succeeded");
    assertThat(newest.getString("data[0].object")).isEqualTo("fine_tuning.job.event");
    assertThat(newest.getString("data[0].level")).isEqualTo("info");
    assertThat(newest.getList("data.findAll { it.type == 'metrics' }.data.step")).isNotEmpty();
    assertThat(newest.getList("data.findAll { it.type == 'message' }.data")).containsOnlyNulls();
  }

  private static void checkpointsAreListedNewestFirst(String id, String name) {
    JsonPath all = sdk().get(JOBS + "/" + id + "/checkpoints").then().statusCode(200).extract().jsonPath();
    List<Integer> steps = all.getList("data.step_number", Integer.class);
    assertThat(steps).isNotEmpty().isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    assertThat(all.getString("data[0].id")).isEqualTo("ftckpt-" + id + "-" + steps.get(0));
    assertThat(all.getString("data[0].fine_tuned_model_checkpoint")).isEqualTo(name + ":ckpt-step-" + steps.get(0));
    assertThat(all.getString("data[0].fine_tuning_job_id")).isEqualTo(id);
    assertThat(all.getInt("data[0].metrics.step")).isEqualTo(steps.get(0));
    if (steps.size() > 1) {
      sdk().queryParam("after", all.getString("data[0].id")).get(JOBS + "/" + id + "/checkpoints").then()
          .body("data.step_number", equalTo(steps.subList(1, steps.size())));
    }
  }

  @Test
  void cancellingARunningJobOverV1EndsItCancelledWithoutAModel() {
    String file = upload(TrainingData.manyChats(500));
    String id = sdk().contentType(ContentType.JSON).body(Map.of("model", "scratch", "training_file", file,
            "hyperparameters", Map.of("n_epochs", 100, "batch_size", 1)))
        .post(JOBS).then().statusCode(200).extract().path("id");
    TrainingData.awaitStatus(JOBS + "/" + id, "running"::equals);
    sdk().post(JOBS + "/" + id + "/cancel").then().statusCode(200).body("id", equalTo(id))
        .body("fine_tuned_model", nullValue());
    JsonPath ended = TrainingData.awaitEnd(JOBS + "/" + id);
    assertThat(ended.getString("status")).isEqualTo("cancelled");
    assertThat(ended.getString("fine_tuned_model")).isNull();
  }

  @Test
  void refusesBadRequestsAsOpenAiErrorsNamingTheParameterAndQueuesNothing() {
    int before = sdk().queryParam("limit", 100).get(JOBS).then().extract().jsonPath().getList("data").size();
    given().multiPart("file", "train.jsonl", TrainingData.chat(), "application/jsonl").multiPart("purpose", "fine-tune")
        .post(FILES).then().statusCode(403).body("error.param", equalTo("X-Augment-Request")); // neither a key nor the marker
    sdk().multiPart("file", "bad.jsonl", TrainingData.badLine2(), "application/jsonl").multiPart("purpose", "fine-tune")
        .post(FILES).then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
        .body("error.param", equalTo("file")).body("error.message", containsString("line 2"));
    sdk().multiPart("file", "train.jsonl", TrainingData.chat(), "application/jsonl").multiPart("purpose", "assistants")
        .post(FILES).then().statusCode(400).body("error.param", equalTo("purpose"));
    String file = upload(TrainingData.chat());

    Map<String, Object> base = Map.of("model", "scratch", "training_file", file);
    refused(with(base, "method", Map.of("type", "dpo")), "method.type");
    refused(with(base, "hyperparameters", Map.of("n_epochs", "many")), "hyperparameters.n_epochs");
    refused(with(base, "hyperparameters", Map.of("n_epochs", 1000)), "hyperparameters.n_epochs");
    refused(with(base, "method", supervised(Map.of("batch_size", 0))), "method.supervised.hyperparameters.batch_size");
    refused(with(base, "method", supervised(Map.of("learning_rate_multiplier", -1))),
        "method.supervised.hyperparameters.learning_rate_multiplier");
    refused(with(base, "method", supervised(Map.of("learning_rate_multiplier", 1e9))),
        "method.supervised.hyperparameters.learning_rate_multiplier");
    refused(with(base, "method", Map.of("type", "lora", "lora", Map.of("hyperparameters", Map.of("rank", 4096)))),
        "method.lora.hyperparameters.rank");
    refused(with(base, "suffix", "Not Allowed!"), "suffix");
    refused(with(base, "seed", "seven"), "seed");
    refused(with(base, "training_file", "file-nope"), "training_file");
    refused(with(base, "validation_file", "file-nope"), "validation_file");
    refused(Map.of("training_file", file), "model");
    sdk().contentType(ContentType.JSON).body(with(base, "model", "no-such-model")).post(JOBS).then().statusCode(400)
        .body("error.param", equalTo("model")).body("error.code", equalTo("model_not_available"));
    sdk().contentType(ContentType.JSON).body("{\"model\": \"scratch\",").post(JOBS).then().statusCode(400)
        .body("error.type", equalTo("invalid_request_error"));
    sdk().queryParam("limit", 0).get(JOBS).then().statusCode(400).body("error.param", equalTo("limit"));
    sdk().get(JOBS + "/ftjob-nope").then().statusCode(404).body("error.param", equalTo("id"));
    sdk().get(JOBS + "/ftjob-nope/events").then().statusCode(404);

    sdk().queryParam("limit", 100).get(JOBS).then().body("data.size()", equalTo(before));
  }

  private static void refused(Map<String, Object> body, String param) {
    sdk().contentType(ContentType.JSON).body(body).post(JOBS).then().statusCode(400)
        .body("error.type", equalTo("invalid_request_error")).body("error.param", equalTo(param))
        .body("error.message", containsString(param.substring(param.lastIndexOf('.') + 1)));
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> body = new HashMap<>(base);
    body.put(key, value);
    return body;
  }

  /**
   * The official OpenAI Node SDK, unchanged, against this server: upload, create, list events until
   * the job ended, then chat with {@code fine_tuned_model}. Skips with a message when Node or the
   * SDK is missing ({@code npm ci --prefix bootstrap/src/test/node}).
   */
  @Test
  void theOfficialNodeSdkUploadsTrainsFollowsAndChatsWithTheFineTunedModel() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/openai")),
        "the OpenAI Node SDK is not installed: run npm ci --prefix bootstrap/src/test/node (CI does)");
    Assumptions.assumeTrue(nodeAvailable(), "node is not on the PATH");
    ProcessBuilder pb = new ProcessBuilder("node", "finetune.mjs").directory(SCRIPT_DIR.toFile()).redirectErrorStream(true);
    pb.environment().put("AUGMENT_BASE_URL", v1.toString());
    pb.environment().put("AUGMENT_API_KEY", "sk-test");
    pb.environment().put("AUGMENT_BASE_MODEL", "scratch");
    pb.environment().put("AUGMENT_TRAINING_JSONL", TrainingData.CHAT_JSONL);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the Node SDK script did not finish in 5 minutes");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as(out).isZero();
    Map<String, JsonNode> steps = new HashMap<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("{")) {
        JsonNode json = JSON.readTree(line);
        steps.put(json.path("step").asText(), json);
      }
    }
    assertThat(steps.get("file").path("id").asText()).as(out).startsWith("file-");
    assertThat(steps.get("file").path("purpose").asText()).isEqualTo("fine-tune");
    assertThat(steps.get("job").path("object").asText()).isEqualTo("fine_tuning.job");
    assertThat(steps.get("job").path("fine_tuned_model").isNull()).isTrue();
    JsonNode events = steps.get("events");
    assertThat(events.path("count").asInt()).as(out).isGreaterThan(3); // more than one page of 3
    assertThat(events.path("newest").asText()).contains("succeeded");
    assertThat(events.path("metrics")).isNotEmpty();
    JsonNode done = steps.get("done");
    assertThat(done.path("status").asText()).as(out).isEqualTo("succeeded");
    String model = done.path("fine_tuned_model").asText();
    assertThat(model).matches("adapter:ft-sdk-[0-9a-f]{8}");
    assertThat(steps.get("checkpoints").path("steps")).isNotEmpty();
    assertThat(steps.get("models").path("ids").toString()).contains('"' + model + '"');
    assertThat(steps.get("chat").path("ok").asBoolean()).as(out).isTrue();
    assertThat(steps.get("chat").path("model").asText()).isEqualTo(model);
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
