package io.augment.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.bootstrap.TestPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code augment.fine-tuning.provider=openai} end to end: one packaged server (the front, no local
 * engine) hands its fine-tuning job to another Augment's OpenAI fine-tuning API (the trainer, local
 * engine), follows it to success, lists the model it made and answers a chat with it through the
 * trainer's {@code /v1/chat/completions}. Both are the real jar; only the model is tiny.
 */
class RemoteTrainerIT {
  private static final Duration READY = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void aFrontServerTrainsOnAnotherAugmentThroughItsOpenAiApiAndServesTheResult() throws Exception {
    assertThat(ServerProcess.JAR).as("run after packaging (mvn verify)").exists();
    Path dir = Path.of("target", "remote-trainer-" + System.currentTimeMillis());
    Files.createDirectories(dir);
    ServerProcess trainer = new ServerProcess(dir.resolve("trainer"), TestPorts.free(), List.of(
        "-Daugment.engine.enabled=true", "-Daugment.engine.scratch.vocab-size=320",
        "-Daugment.engine.scratch.context-length=32", "-Daugment.engine.scratch.width=32",
        "-Daugment.engine.scratch.layers=2", "-Daugment.engine.scratch.heads=2", "-Daugment.engine.worker-heap-mb=512"));
    ServerProcess front = null;
    try {
      trainer.start(dir.resolve("trainer.log"), READY);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        texts.add("The keeper of Varn lights " + (i + 2) + " lamps at dusk and rings the bell twice.");
      }
      String base = post(trainer.baseUrl(), "/api/v1/fine-tunes", Map.of("name", "rt-base", "baseModel", "scratch",
          "method", "full", "texts", texts, "training", Map.of("maxSteps", 30, "batchSize", 4, "sequenceLength", 16,
              "learningRate", 0.01)), 202).path("id").asText();
      assertThat(awaitFinished(trainer.baseUrl(), base).path("status").asText()).isEqualTo("succeeded");

      front = new ServerProcess(dir.resolve("front"), TestPorts.free(), List.of("-Daugment.fine-tuning.provider=openai",
          "-Daugment.fine-tuning.openai.base-url=" + trainer.baseUrl() + "/v1",
          "-Daugment.fine-tuning.openai.poll-interval=200ms"));
      front.start(dir.resolve("front.log"), READY);
      String job = post(front.baseUrl(), "/api/v1/fine-tunes", Map.of("name", "rt-lora", "baseModel", "rt-base",
          "method", "lora", "texts", texts, "training", Map.of("epochs", 2, "batchSize", 4, "sequenceLength", 16)), 202)
          .path("id").asText();
      JsonNode done = awaitFinished(front.baseUrl(), job);
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("succeeded");

      JsonNode remoteJobs = JSON.readTree(get(trainer.baseUrl(), "/v1/fine_tuning/jobs"));
      assertThat(remoteJobs.path("data")).as("the trainer ran the job").anySatisfy(j -> {
        assertThat(j.path("status").asText()).isEqualTo("succeeded");
        assertThat(j.path("fine_tuned_model").asText()).startsWith("adapter:ft-");
      });
      List<String> models = new ArrayList<>();
      JSON.readTree(get(front.baseUrl(), "/api/v1/adapters")).forEach(a -> models.add(a.path("name").asText()));
      assertThat(models).contains("rt-lora");

      JsonNode chat = post(front.baseUrl(), "/v1/chat/completions", Map.of("model", "adapter:rt-lora", "max_tokens", 8,
          "messages", List.of(Map.of("role", "user", "content", "How many lamps?"))), 200);
      assertThat(chat.path("choices").get(0).path("message").path("content").isTextual()).as(chat.toString()).isTrue();
      assertThat(chat.path("usage").path("completion_tokens").asInt()).as(chat.toString()).isPositive();
    } finally {
      if (front != null) {
        front.stop();
      }
      trainer.stop();
    }
  }

  private JsonNode awaitFinished(String base, String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
    while (Instant.now().isBefore(deadline)) {
      JsonNode job = JSON.readTree(get(base, "/api/v1/fine-tunes/" + id));
      if (FINISHED.contains(job.path("status").asText())) {
        return job;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("job " + id + " did not finish within 240 s");
  }

  private JsonNode post(String base, String path, Object body, int expected) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expected);
    return JSON.readTree(response.body());
  }

  private String get(String base, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return response.body();
  }
}
