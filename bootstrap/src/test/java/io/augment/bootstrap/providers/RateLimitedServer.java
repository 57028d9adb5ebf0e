package io.augment.bootstrap.providers;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-shaped server that answers every chat request with HTTP 429 and OpenAI's rate-limit
 * error body, and the application configured to use it as its generator.
 */
public class RateLimitedServer implements QuarkusTestResourceLifecycleManager {
  static final String MODEL = "gpt-test";
  static final String BODY = "{\"error\":{\"message\":\"Rate limit reached for gpt-test\",\"type\":\"requests\","
      + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
  static final AtomicInteger REQUESTS = new AtomicInteger();

  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/chat/completions", exchange -> {
      REQUESTS.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(429, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return Map.of(
        "augment.generation.provider", "openai",
        "augment.generation.openai.base-url", url(),
        "augment.generation.openai.model", MODEL,
        "augment.generation.openai.api-key", "sk-test",
        "augment.generation.openai.max-retries", "1",
        "augment.generation.openai.backoff-initial", "20ms",
        "augment.generation.openai.backoff-max", "50ms",
        "augment.generation.openai.timeout", "5s",
        "augment.generation.openai.circuit-breaker.window", "1000");
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Override
  public void stop() {
    server.stop(0);
  }
}
