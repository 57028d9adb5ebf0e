package io.augment.bootstrap.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged app ({@code bootstrap/target/quarkus-app}) as a child process on a free port, for benchmarks. */
final class PackagedServer implements AutoCloseable {
  private final Process process;
  final String base;

  private PackagedServer(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /** Starts the jar on the embedded defaults under {@code data} and waits until it is ready. */
  static PackagedServer start(Path project, Path data, String... properties) throws IOException, InterruptedException {
    Path jar = project.resolve("bootstrap/target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no packaged app at " + jar + ": run ./mvnw -DskipTests install first");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Dquarkus.http.port=" + port,
        "-Daugment.data-dir=" + data, "-Dai.djl.offline=true", "-Daugment.engine.enabled=false"));
    for (String property : properties) {
      command.add("-D" + property);
    }
    command.addAll(List.of("-jar", jar.toString()));
    Files.createDirectories(data);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(data.resolve("server.log").toFile());
    builder.environment().put("DJL_CACHE_DIR", project.resolve("bootstrap/target/djl-cache").toString());
    PackagedServer server = new PackagedServer(builder.start(), "http://127.0.0.1:" + port);
    server.awaitReady(Duration.ofMinutes(3));
    return server;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + "; see its server.log");
      }
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server was not ready within " + timeout);
  }

  /** CPU time the server process has used so far (every thread, user and system). */
  Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElseThrow();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
