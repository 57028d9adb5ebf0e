package io.augment.adapter.out.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A model server in this process (the JDK's HttpServer) answering with recorded shapes of real
 * responses. Each path answers with its scripted replies in order, then with its default reply.
 */
final class ModelServerStub implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** How the server answers one request. */
  @FunctionalInterface
  interface Reply {
    void send(HttpExchange exchange, JsonNode request) throws IOException;
  }

  /** A request as received: path, parsed body and headers. */
  record Received(String path, JsonNode body, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Reply> defaults = new ConcurrentHashMap<>();
  private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  ModelServerStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  ModelServerStub byDefault(String path, Reply reply) {
    defaults.put(path, reply);
    return this;
  }

  /** Answers the next requests to {@code path} with {@code replies}, one each, before the default. */
  ModelServerStub then(String path, Reply... replies) {
    Deque<Reply> queue = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(List.of(replies));
    }
    return this;
  }

  List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  int hits(String path) {
    return received(path).size();
  }

  static Reply status(int code, String body) {
    return (exchange, request) -> write(exchange, code, "application/json", body);
  }

  /** Waits {@code delay} (or until the server closes) before answering with {@code then}. */
  static Reply slow(Duration delay, Reply then) {
    return (exchange, request) -> {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      then.send(exchange, request);
    };
  }

  static void write(HttpExchange exchange, int code, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends each line as it comes, flushed, in one chunked response; a null line waits {@code pause}. */
  static void writeLines(HttpExchange exchange, String contentType, List<String> lines, Duration pause)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String line : lines) {
        if (line == null) {
          Thread.sleep(pause.toMillis());
          continue;
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
    received.add(new Received(path, body, Map.copyOf(exchange.getRequestHeaders())));
    Reply reply = next(path);
    try {
      if (reply == null) {
        write(exchange, 404, "application/json", "{\"error\":{\"message\":\"no route " + path + "\"}}");
      } else {
        reply.send(exchange, body);
      }
    } finally {
      exchange.close();
    }
  }

  private Reply next(String path) {
    Deque<Reply> queue = scripted.get(path);
    if (queue != null) {
      synchronized (queue) {
        if (!queue.isEmpty()) {
          return queue.poll();
        }
      }
    }
    return defaults.get(path);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
