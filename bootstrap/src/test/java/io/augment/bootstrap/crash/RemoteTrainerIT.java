package io.augment.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.bootstrap.TestPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code augment.fine-tuning.provider=openai} end to end: one packaged server (the front, no local
 * engine) hands its fine-tuning job to another Augment's OpenAI fine-tuning API (the trainer, local
 * engine), follows it to success, lists the model it made and answers a chat with it through the
 * trainer's {@code /v1/chat/completions}. Both are the real jar; only the model is tiny.
 */
class RemoteTrainerIT {
  private static final Duration READY = Duration.ofSeconds(90);
  private static final Duration WITHIN = Duration.ofSeconds(240);
  private final JsonHttp http = new JsonHttp();

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
      String base = http.post(trainer.baseUrl(), "/api/v1/fine-tunes", Map.of("name", "rt-base", "baseModel", "scratch",
          "method", "full", "texts", texts, "training", Map.of("maxSteps", 30, "batchSize", 4, "sequenceLength", 16,
              "learningRate", 0.01)), 202).path("id").asText();
      assertThat(http.awaitFinished(trainer.baseUrl(), "/api/v1/fine-tunes/" + base, WITHIN).path("status").asText()).isEqualTo("succeeded");

      front = new ServerProcess(dir.resolve("front"), TestPorts.free(), List.of("-Daugment.fine-tuning.provider=openai",
          "-Daugment.fine-tuning.openai.base-url=" + trainer.baseUrl() + "/v1",
          "-Daugment.fine-tuning.openai.poll-interval=200ms"));
      front.start(dir.resolve("front.log"), READY);
      String job = http.post(front.baseUrl(), "/api/v1/fine-tunes", Map.of("name", "rt-lora", "baseModel", "rt-base",
          "method", "lora", "texts", texts, "training", Map.of("epochs", 2, "batchSize", 4, "sequenceLength", 16)), 202)
          .path("id").asText();
      JsonNode done = http.awaitFinished(front.baseUrl(), "/api/v1/fine-tunes/" + job, WITHIN);
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("succeeded");

      JsonNode remoteJobs = http.getJson(trainer.baseUrl(), "/v1/fine_tuning/jobs");
      assertThat(remoteJobs.path("data")).as("the trainer ran the job").anySatisfy(j -> {
        assertThat(j.path("status").asText()).isEqualTo("succeeded");
        assertThat(j.path("fine_tuned_model").asText()).startsWith("adapter:ft-");
      });
      List<String> models = new ArrayList<>();
      http.getJson(front.baseUrl(), "/api/v1/adapters").forEach(a -> models.add(a.path("name").asText()));
      assertThat(models).contains("rt-lora");

      JsonNode chat = http.post(front.baseUrl(), "/v1/chat/completions", Map.of("model", "adapter:rt-lora", "max_tokens", 8,
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
}
