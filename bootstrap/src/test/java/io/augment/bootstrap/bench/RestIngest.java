package io.augment.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest over REST against a running server, and the same server's raw embedding throughput
 * ({@code /v1/embeddings} on the same chunk texts, batches of 32). Each method returns chunks/s.
 */
final class RestIngest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RAW_BATCH = 32;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final List<Map<String, String>> documents;
  private int round;

  RestIngest(String base, List<Beir.Doc> corpus) {
    this.base = base;
    this.documents = corpus.stream().filter(d -> !d.text().isBlank())
        .map(d -> Map.of("id", BeirIds.toDocumentId(d.id()), "title", d.title(), "text", d.text())).toList();
  }

  int documentCount() {
    return documents.size();
  }

  /** The chunk texts the server makes of the corpus (ingested once into a scratch knowledge base). */
  List<String> chunkTexts() {
    String kb = createKnowledgeBase();
    job(kb);
    List<String> texts = new ArrayList<>();
    for (Map<String, String> d : documents) {
      for (JsonNode hit : call("GET", "/api/v1/knowledge-bases/" + kb + "/documents/" + d.get("id") + "/chunks", null, 200)) {
        texts.add(hit.get("text").asText());
      }
    }
    call("DELETE", "/api/v1/knowledge-bases/" + kb, null, 204);
    return texts;
  }

  double raw(List<String> texts) {
    long start = System.nanoTime();
    for (int i = 0; i < texts.size(); i += RAW_BATCH) {
      call("POST", "/v1/embeddings", Map.of("model", "all-minilm-l6-v2",
          "input", texts.subList(i, Math.min(texts.size(), i + RAW_BATCH))), 200);
    }
    return texts.size() / seconds(start);
  }

  /** One POST per document from {@code clients} concurrent clients. */
  double perDocument(int clients) throws Exception {
    String kb = createKnowledgeBase();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < documents.size(); i = next.getAndIncrement()) {
          call("POST", "/api/v1/knowledge-bases/" + kb + "/documents", documents.get(i), 201);
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = seconds(start);
    pool.shutdown();
    return finish(kb, seconds);
  }

  /** All documents in one ingest job, polled until it ends. */
  double job() {
    String kb = createKnowledgeBase();
    long start = System.nanoTime();
    job(kb);
    return finish(kb, seconds(start));
  }

  private void job(String kb) {
    String id = call("POST", "/api/v1/knowledge-bases/" + kb + "/ingest-jobs", Map.of("documents", documents), 202)
        .get("id").asText();
    while (true) {
      JsonNode job = call("GET", "/api/v1/ingest-jobs/" + id, null, 200);
      String status = job.get("status").asText();
      if (status.equals("succeeded")) {
        return;
      }
      if (!status.equals("queued") && !status.equals("running")) {
        throw new IllegalStateException("ingest job ended " + status + ": " + job);
      }
      sleep(20);
    }
  }

  private double finish(String kb, double seconds) {
    long chunks = call("GET", "/api/v1/knowledge-bases/" + kb, null, 200).get("chunks").asLong();
    call("DELETE", "/api/v1/knowledge-bases/" + kb, null, 204);
    return chunks / seconds;
  }

  private String createKnowledgeBase() {
    String kb = "bench-" + (++round);
    call("POST", "/api/v1/knowledge-bases", Map.of("name", kb), 201);
    return kb;
  }

  private JsonNode call(String method, String path, Object body, int expected) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
