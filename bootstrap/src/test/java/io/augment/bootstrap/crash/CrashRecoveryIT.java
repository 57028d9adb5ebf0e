package io.augment.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.bootstrap.TestPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The packaged server is killed with SIGKILL while clients write and delete documents, then started
 * again on the same data directory, three times. After each restart every acknowledged write reads
 * back, every acknowledged delete stays deleted, and the index holds chunks of exactly the
 * documents that have records. Counts per trial go to the log and {@code target/crash-report.md}.
 */
class CrashRecoveryIT {
  private static final String KB = "crash";
  private static final int TRIALS = 3;
  private static final Duration READY = Duration.ofSeconds(90);

  @Test
  void acknowledgedWritesAndDeletesSurviveKillNineAndTheIndexHasNoOrphans() throws Exception {
    assertThat(ServerProcess.JAR).as("run after packaging (mvn verify)").exists();
    Path dataDir = Path.of("target", "crash-data-" + System.currentTimeMillis());
    Files.createDirectories(dataDir);
    ServerProcess server = new ServerProcess(dataDir, TestPorts.free());
    Ledger ledger = new Ledger();
    CrashReport report = new CrashReport();
    List<String> failures = new ArrayList<>();
    Random random = new Random();
    try {
      server.start(dataDir.resolve("server-0.log"), READY);
      createKnowledgeBase(server.baseUrl());
      for (int trial = 1; trial <= TRIALS; trial++) {
        int writesBefore = ledger.writes();
        int deletesBefore = ledger.deletes();
        Workload workload = new Workload(server.baseUrl(), KB, ledger, "t" + trial);
        assertThat(workload.writeOne("t" + trial + "-warm-up")).as("a write before the load").isTrue();
        workload.start();
        long killAfter = 2000 + random.nextInt(3001);
        Thread.sleep(killAfter);
        int inFlight = workload.inFlight();
        server.kill();
        workload.stop();
        server.start(dataDir.resolve("server-" + trial + ".log"), READY);
        Verification.Findings findings = new Verification(server.baseUrl(), KB).check(ledger);
        int writes = ledger.writes() - writesBefore;
        int deletes = ledger.deletes() - deletesBefore;
        report.trial(trial, killAfter, writes, deletes, inFlight, findings);
        assertThat(writes).as("trial %d acknowledged some writes before the kill", trial).isGreaterThan(1);
        if (findings.total() > 0) {
          failures.add("trial " + trial + ": " + findings.examples());
        }
      }
    } finally {
      server.stop();
      report.write(Path.of("target", "crash-report.md"));
    }
    assertThat(failures).as("after kill -9 and restart:\n%s\n%s", report.table(), String.join("\n", failures)).isEmpty();
  }

  private static void createKnowledgeBase(String baseUrl) throws Exception {
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(baseUrl + "/api/v1/knowledge-bases")).version(HttpClient.Version.HTTP_1_1)
        .header("Content-Type", "application/json").header("X-Augment-Request", "1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + KB + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }
}
