package io.augment.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** JSON over HTTP/1.1 to a packaged server, for the tests that start, kill and restart it. */
final class JsonHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** POSTs {@code body} as JSON and asserts the status. */
  JsonNode post(String base, String path, Object body, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expected);
    return JSON.readTree(response.body());
  }

  /** GETs {@code path} and asserts 200. */
  String get(String base, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return response.body();
  }

  JsonNode getJson(String base, String path) throws IOException, InterruptedException {
    return JSON.readTree(get(base, path));
  }

  /** Polls the job at {@code path} until its status is final; fails after {@code within}. */
  JsonNode awaitFinished(String base, String path, Duration within) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      JsonNode job = getJson(base, path);
      if (FINISHED.contains(job.path("status").asText())) {
        return job;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(path + " did not finish within " + within + ": " + get(base, path));
  }
}
