package io.augment.bootstrap.crash;

import java.io.IOException;
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

/**
 * The packaged server ({@code target/quarkus-app/quarkus-run.jar}) as a child process of the test,
 * on a given port and data directory, started with the test's own JVM so that it can be killed
 * with SIGKILL ({@link Process#destroyForcibly()} on Linux) and started again on the same data.
 */
final class ServerProcess {
  static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private final Path dataDir;
  private final int port;
  private final List<String> properties;
  private Process process;

  ServerProcess(Path dataDir, int port) {
    this(dataDir, port, List.of());
  }

  /** @param properties extra {@code -Dname=value} settings for every start, e.g. authentication on */
  ServerProcess(Path dataDir, int port, List<String> properties) {
    this.dataDir = dataDir;
    this.port = port;
    this.properties = List.copyOf(properties);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the server, its output in {@code log}, and waits until {@code /q/health/ready} says UP. */
  void start(Path log, Duration readyWithin) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g",
        "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
        "-Daugment.data-dir=" + dataDir.toAbsolutePath(), "-Dai.djl.offline=true", "-Daugment.engine.enabled=false"));
    command.addAll(properties);
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (System.getenv("DJL_CACHE_DIR") == null) {
      builder.environment().put("DJL_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath().toString());
    }
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    process = builder.start();
    awaitReady(readyWithin, log);
  }

  /** The running server's process id. */
  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no flush, no close. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** A normal stop, for the end of the test. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private void awaitReady(Duration within, Path log) throws InterruptedException, IOException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server was not ready within " + within + "; see " + log);
  }
}
