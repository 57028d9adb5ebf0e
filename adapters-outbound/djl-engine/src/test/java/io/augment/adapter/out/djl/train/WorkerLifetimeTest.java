package io.augment.adapter.out.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.adapter.out.djl.format.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training worker never outlives its server, and never trains a name another live worker holds. */
class WorkerLifetimeTest {
  @TempDir
  Path folder;

  @Test
  void aRunningWorkerExitsWithinSecondsWhenItsServerIsKilledWithSigkill() throws Exception {
    Process standIn = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), WorkerParentStandIn.class.getName(),
        folder.toString()).redirectErrorStream(true).start();
    long workerPid;
    try {
      workerPid = CompletableFuture.supplyAsync(() -> firstWorkerLine(standIn)).get(120, TimeUnit.SECONDS);
    } finally {
      if (!standIn.isAlive()) {
        throw new AssertionError("the stand-in server died early; worker log: "
            + Files.readString(folder.resolve("worker.log")));
      }
    }
    ProcessHandle worker = ProcessHandle.of(workerPid).orElseThrow();
    assertThat(worker.isAlive()).isTrue();
    assertThat(TrainingLock.holder(folder.resolve("orphan.lock"))).as("the worker holds its name's lock")
        .hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(workerPid));

    long killed = System.nanoTime();
    standIn.destroyForcibly(); // SIGKILL: no shutdown hook of the server runs
    standIn.waitFor(10, TimeUnit.SECONDS);
    boolean exited = worker.onExit().thenApply(p -> true).completeOnTimeout(false, 10, TimeUnit.SECONDS).get();
    double seconds = (System.nanoTime() - killed) / 1e9;

    if (!exited) {
      worker.destroyForcibly();
    }
    assertThat(exited).as("worker gone within 10 s of its server's SIGKILL").isTrue();
    assertThat(seconds).as("seconds until the orphan exited and was reaped").isLessThan(5);
    assertThat(TrainingLock.holder(folder.resolve("orphan.lock"))).as("its lock is now stale").isEmpty();
    assertThat(Files.readString(folder.resolve("worker.log"))).contains("parent");
  }

  private static long firstWorkerLine(Process standIn) {
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(standIn.getInputStream(), StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("worker ")) {
          return Long.parseLong(line.substring("worker ".length()).strip());
        }
      }
      throw new IllegalStateException("the stand-in ended without starting a worker");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aLiveHolderKeepsItsNameAndASecondWorkerIsRefused() {
    Path file = folder.resolve("name.lock");
    try (TrainingLock held = TrainingLock.acquire(file, "name")) {
      assertThat(TrainingLock.holder(file)).hasValueSatisfying(h -> assertThat(h.pid())
          .isEqualTo(ProcessHandle.current().pid()));
      assertThatThrownBy(() -> TrainingLock.acquire(file, "name")).hasMessageContaining("already being trained")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void aLockLeftByADeadProcessOrByAnEarlierProcessWithTheSamePidIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path file = folder.resolve("name.lock");
    Files.writeString(file, Json.line(new TrainingLock.Holder(gone.pid(), "2020-01-01T00:00:00Z")));
    assertThat(TrainingLock.holder(file)).as("dead pid").isEmpty();
    try (TrainingLock taken = TrainingLock.acquire(file, "name")) {
      assertThat(TrainingLock.holder(file)).hasValueSatisfying(h -> assertThat(h.pid())
          .isEqualTo(ProcessHandle.current().pid()));
    }

    Files.writeString(file, Json.line(new TrainingLock.Holder(ProcessHandle.current().pid(), "2020-01-01T00:00:00Z")));
    assertThat(TrainingLock.holder(file)).as("this pid, but another process's start time").isEmpty();
    try (TrainingLock taken = TrainingLock.acquire(file, "name")) {
      assertThat(TrainingLock.holder(file)).isPresent();
    }
  }
}
