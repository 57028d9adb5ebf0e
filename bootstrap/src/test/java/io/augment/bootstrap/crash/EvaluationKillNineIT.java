package io.augment.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.bootstrap.TestPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An evaluation run survives {@code kill -9}: the packaged server is killed while a run is
 * answering, started again on the same data directory, and the run resumes by itself from the
 * answers already stored (the log says how many), finishes, and holds every answer exactly once.
 */
class EvaluationKillNineIT {
  private static final Duration READY = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RESUMED = Pattern.compile("resuming, (\\S+) of (\\S+) answers already stored");
  private final JsonHttp http = new JsonHttp();

  @Test
  void aRunKilledMidwayResumesAfterRestartFromItsStoredAnswersAndCountsEachOnce() throws Exception {
    assertThat(ServerProcess.JAR).as("run after packaging (mvn verify)").exists();
    Path dataDir = Path.of("target", "evaluation-kill-" + System.currentTimeMillis());
    Files.createDirectories(dataDir);
    ServerProcess server = new ServerProcess(dataDir, TestPorts.free());
    try {
      server.start(dataDir.resolve("server-0.log"), READY);
      String base = server.baseUrl();
      post(base, "/api/v1/knowledge-bases", Map.of("name", "kill"), 201);
      post(base, "/api/v1/knowledge-bases/kill/documents", Map.of("id", "tides", "text",
          "Tides are caused mainly by the gravitational pull of the Moon on the oceans."), 201);
      String line = JSON.writeValueAsString(Map.of("question", "What causes the tides?", "answers", List.of("the Moon"),
          "documentIds", List.of("tides")));
      post(base, "/api/v1/evaluation-sets", Map.of("name", "kill-set", "jsonl", (line + "\n").repeat(1000)), 201);
      String id = post(base, "/api/v1/evaluations", Map.of("evaluationSet", "kill-set",
          "contenders", List.of("rag:kill@extractive", "generator:extractive")), 202).path("id").asText();
      long doneBeforeKill = awaitDone(base, id, 100);
      server.kill();

      server.start(dataDir.resolve("server-1.log"), READY);
      JsonNode run = awaitFinished(base, id);
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      long total = run.path("progress").path("total").asLong();
      assertThat(total).isEqualTo(2000);
      assertThat(run.path("progress").path("done").asLong()).isEqualTo(total);

      Matcher resumed = RESUMED.matcher(Files.readString(dataDir.resolve("server-1.log")));
      assertThat(resumed.find()).as("the restarted server logs the resumption").isTrue();
      long stored = Long.parseLong(resumed.group(1).replaceAll("\\D", "")); // the log groups digits by locale
      assertThat(stored).as("answers kept from before the kill").isGreaterThanOrEqualTo(doneBeforeKill).isLessThan(total);

      String[] lines = get(base, "/api/v1/evaluations/" + id + "/results").split("\n");
      Set<String> keys = new HashSet<>();
      for (String l : lines) {
        JsonNode r = JSON.readTree(l);
        keys.add(r.path("set").asText() + "/" + r.path("index").asInt() + "/" + r.path("contender").asText());
      }
      assertThat(lines).hasSize((int) total);
      assertThat(keys).as("each answer once").hasSize((int) total);
      assertThat(run.path("results").get(0).path("scores").path("questions").asInt()).isEqualTo(1000);
    } finally {
      server.stop();
    }
  }

  /** Polls until the run has stored at least {@code answers}; returns the count last seen. */
  private long awaitDone(String base, String id, long answers) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = JSON.readTree(get(base, "/api/v1/evaluations/" + id));
      long done = run.path("progress").path("done").asLong();
      assertThat(run.path("status").asText()).as("still answering when killed").isIn("queued", "running");
      if (done >= answers) {
        return done;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the run stored fewer than " + answers + " answers in 60 s");
  }

  private JsonNode awaitFinished(String base, String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = JSON.readTree(get(base, "/api/v1/evaluations/" + id));
      if (Set.of("succeeded", "failed", "cancelled").contains(run.path("status").asText())) {
        return run;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the resumed run did not finish in 240 s");
  }

  private JsonNode post(String base, String path, Object body, int expected) throws Exception {
    return http.post(base, path, body, expected);
  }

  private String get(String base, String path) throws Exception {
    return http.get(base, path);
  }
}
