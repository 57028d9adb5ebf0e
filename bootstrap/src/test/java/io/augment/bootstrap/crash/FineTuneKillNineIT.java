package io.augment.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.bootstrap.TestPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Fine-tuning jobs survive {@code kill -9} of the server: the packaged server is killed while one
 * job trains (after its first checkpoint) and another waits behind it; its training worker dies
 * with it; started again on the same data directory, the server finds both jobs, the trainer
 * resumes the first from its checkpoint and runs the second, and both end {@code succeeded}.
 */
class FineTuneKillNineIT {
  private static final Duration READY = Duration.ofSeconds(90);
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = JsonHttp.JSON;
  private static final List<String> TINY_ENGINE = List.of("-Daugment.engine.enabled=true",
      "-Daugment.engine.scratch.vocab-size=320", "-Daugment.engine.scratch.context-length=32",
      "-Daugment.engine.scratch.width=32", "-Daugment.engine.scratch.layers=2", "-Daugment.engine.scratch.heads=2",
      "-Daugment.engine.worker-heap-mb=512", "-Daugment.fine-tuning.checkpoint-every-steps=40",
      "-Daugment.fine-tuning.metrics-every=0s");
  private static final Duration WITHIN = Duration.ofSeconds(240);
  private final JsonHttp http = new JsonHttp();

  @Test
  void jobsKilledWithTheServerResumeFromTheirCheckpointAfterRestartAndSucceed() throws Exception {
    assertThat(ServerProcess.JAR).as("run after packaging (mvn verify)").exists();
    Path dataDir = Path.of("target", "fine-tune-kill-" + System.currentTimeMillis());
    Files.createDirectories(dataDir);
    ServerProcess server = new ServerProcess(dataDir, TestPorts.free(), TINY_ENGINE);
    try {
      server.start(dataDir.resolve("server-0.log"), READY);
      String base = server.baseUrl();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        texts.add("The lighthouse of Varn has " + (i + 3) + " lamps and a keeper who rings the bell at dusk.");
      }
      String first = start(base, "kill-first", texts, 1200);
      String second = start(base, "kill-second", texts, 200);
      await(base, first, job -> !job.path("checkpoints").isEmpty(), "/checkpoints", Duration.ofSeconds(120));
      assertThat(status(base, first)).isEqualTo("running");
      long pid = server.pid();
      server.kill();
      awaitNoWorkerOf(pid, dataDir);

      server.start(dataDir.resolve("server-1.log"), READY);
      JsonNode restarted = job(base, first);
      assertThat(restarted.path("status").asText()).as("after the restart: %s", restarted)
          .isIn("queued", "running", "succeeded");
      assertThat(restarted.path("resumes").asInt()).isEqualTo(1);

      JsonNode done = http.awaitFinished(base, "/api/v1/fine-tunes/" + first, WITHIN);
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("succeeded");
      assertThat(done.path("progress").path("done").asInt()).isEqualTo(1200);
      assertThat(http.awaitFinished(base, "/api/v1/fine-tunes/" + second, WITHIN).path("status").asText()).isEqualTo("succeeded");

      List<String> messages = new ArrayList<>();
      events(base, first).forEach(e -> messages.add(e.path("message").asText()));
      assertThat(messages).anySatisfy(m -> assertThat(m).contains("server restarted"));
      assertThat(messages).as("the trainer resumed from a checkpoint, not from step 0")
          .anySatisfy(m -> assertThat(m).containsPattern("resum\\w* from checkpoint step-\\d+"));
      JsonNode adapters = http.getJson(base, "/api/v1/adapters");
      List<String> names = new ArrayList<>();
      adapters.forEach(a -> names.add(a.path("name").asText()));
      assertThat(names).contains("kill-first", "kill-second");
    } finally {
      server.stop();
    }
  }

  private String start(String base, String name, List<String> texts, int steps) throws Exception {
    Map<String, Object> body = Map.of("name", name, "baseModel", "scratch", "method", "full", "texts", texts,
        "training", Map.of("maxSteps", steps, "batchSize", 4, "sequenceLength", 16, "learningRate", 0.01));
    return http.post(base, "/api/v1/fine-tunes", body, 202).path("id").asText();
  }

  /** The worker processes of the killed server end with it (they watch their parent). */
  private static void awaitNoWorkerOf(long pid, Path dataDir) throws InterruptedException {
    String marker = dataDir.toAbsolutePath().toString();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      boolean any = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains("TrainingWorker")
          && p.info().commandLine().orElse("").contains(marker));
      if (!any) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("a training worker of the killed server (pid " + pid + ") still runs after 30 s");
  }

  private JsonNode job(String base, String id) throws Exception {
    return http.getJson(base, "/api/v1/fine-tunes/" + id);
  }

  private String status(String base, String id) throws Exception {
    return job(base, id).path("status").asText();
  }

  private List<JsonNode> events(String base, String id) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    long after = 0;
    while (true) {
      JsonNode page = http.getJson(base, "/api/v1/fine-tunes/" + id + "/events?after=" + after + "&limit=100");
      if (page.isEmpty()) {
        return all;
      }
      page.forEach(all::add);
      after = all.get(all.size() - 1).path("seq").asLong();
    }
  }

  private void await(String base, String id, Predicate<JsonNode> until, String suffix, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      JsonNode node = http.getJson(base, "/api/v1/fine-tunes/" + id + suffix);
      if (until.test(suffix.isEmpty() ? node : JSON.createObjectNode().set("checkpoints", node))) {
        return;
      }
      assertThat(status(base, id)).as("still training").isIn("queued", "running");
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " did not get there within " + within + ": " + job(base, id));
  }
}
