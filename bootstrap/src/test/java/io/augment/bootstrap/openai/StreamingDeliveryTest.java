package io.augment.bootstrap.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Each piece reaches the client as soon as the generator emits it, even from a generator that blocks. */
@QuarkusTest
@TestProfile(StreamingDeliveryTest.Paced.class)
class StreamingDeliveryTest {
  public static class Paced implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(PacedGenerator.class);
    }
  }

  @TestHTTPResource("/v1/chat/completions")
  URL chat;

  @Test
  void deliversTheFirstTokenBeforeTheGeneratorProducesTheNext() throws Exception {
    PacedGenerator.firstTokenSeen = new CountDownLatch(1);
    String body = "{\"model\":\"" + PacedGenerator.ID + "\",\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(chat.toString())).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);

    List<String> events = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.contains("\"content\":\"first \"")) {
          PacedGenerator.firstTokenSeen.countDown();
        }
        if (!line.isEmpty()) {
          events.add(line);
        }
      }
    }
    assertThat(String.join("\n", events)).contains("\"content\":\"second\"").doesNotContain("late");
    assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
  }
}
