package io.augment.adapter.out.openaitrainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's files and fine-tuning API in memory, as docs (the wire format file) describe it, on the
 * JDK's HttpServer. Jobs step every tick: validating_files, queued, running with one metrics event
 * per step (a checkpoint every {@code checkpointEvery} steps), then succeeded with
 * {@code fine_tuned_model}; a cancel ends the job cancelled on the next tick. Faults can be
 * scripted per route ({@code "POST /v1/files"}) ahead of the real answer, and the whole server can
 * be made silent.
 */
final class FineTuningServerStub implements AutoCloseable {
  static final String KEY = "sk-test-secret-key";
  static final String BASE_MODEL = "tiny-base";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JOB = Pattern.compile("/v1/fine_tuning/jobs/([^/]+)(/cancel|/events|/checkpoints)?");

  /** A scripted answer to one request. */
  record Fault(int status, String body, Map<String, String> headers, boolean silent) {
    static Fault status(int status, String message, String param) {
      ObjectNode error = JSON.createObjectNode();
      error.putObject("error").put("message", message).put("type", "invalid_request_error").put("param", param)
          .putNull("code");
      return new Fault(status, error.toString(), Map.of(), false);
    }

    static Fault throttled(int retryAfterSeconds) {
      return new Fault(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}",
          Map.of("Retry-After", Integer.toString(retryAfterSeconds)), false);
    }

    static Fault silence() {
      return new Fault(0, null, Map.of(), true);
    }
  }

  /** A request as received, with the time it arrived. */
  record Received(String method, String path, String query, byte[] body, String contentType, long nanos) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class Job {
    final ObjectNode object;
    final List<ObjectNode> events = new ArrayList<>();
    final List<ObjectNode> checkpoints = new ArrayList<>();
    final int totalSteps;
    final boolean validation;
    int step;
    boolean cancelRequested;

    Job(ObjectNode object, int totalSteps, boolean validation) {
      this.object = object;
      this.totalSteps = totalSteps;
      this.validation = validation;
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> files = new LinkedHashMap<>();
  private final Map<String, byte[]> contents = new HashMap<>();
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final Set<String> models = ConcurrentHashMap.newKeySet();
  private volatile boolean silent;
  private volatile int checkpointEvery = 3;
  private volatile int failAtStep = -1;
  private volatile String failMessage;
  private volatile int warnAtStep = -1;

  FineTuningServerStub(long tickMillis) {
    models.add(BASE_MODEL);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
    clock.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
  }

  /** The API root a client is configured with. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Answers the next requests to {@code route} ({@code "POST /v1/files"}) with these, one each. */
  FineTuningServerStub fail(String route, Fault... next) {
    faults.computeIfAbsent(route, r -> new ArrayDeque<>()).addAll(List.of(next));
    return this;
  }

  /** Every request from now on is held unanswered (until {@link #close}). */
  void goSilent() {
    silent = true;
  }

  /** Jobs fail at this step with this message as their {@code error.message}. */
  void failJobsAt(int step, String message) {
    failMessage = message;
    failAtStep = step;
  }

  void warnAt(int step) {
    warnAtStep = step;
  }

  List<Received> received(String method, String path) {
    return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  List<Received> received(String method, Pattern path) {
    return received.stream().filter(r -> r.method().equals(method) && path.matcher(r.path()).matches()).toList();
  }

  synchronized byte[] content(String fileId) {
    return contents.get(fileId);
  }

  synchronized String status(String jobId) {
    return jobs.get(jobId).object.path("status").asText();
  }

  /** The step a metrics event reported. */
  synchronized int stepOf(String jobId, String eventId) {
    return jobs.get(jobId).events.stream().filter(e -> e.path("id").asText().equals(eventId))
        .mapToInt(e -> e.path("data").path("step").asInt(0)).findFirst().orElse(0);
  }

  boolean hasModel(String id) {
    return models.contains(id);
  }

  @Override
  public void close() {
    closed.countDown();
    clock.shutdownNow();
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(method, path, exchange.getRequestURI().getRawQuery(), body,
          exchange.getRequestHeaders().getFirst("Content-Type"), System.nanoTime()));
      Deque<Fault> scripted = faults.get(method + " " + route(path));
      Fault fault = scripted == null ? null : scripted.poll();
      if (silent || (fault != null && fault.silent())) {
        closed.await();
        return;
      }
      if (fault != null) {
        fault.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        send(exchange, fault.status(), fault.body());
        return;
      }
      if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        // As OpenAI does, the refused key is echoed: the client must not pass it on.
        send(exchange, 401, error("Incorrect API key provided: " + exchange.getRequestHeaders().getFirst("Authorization"), null));
        return;
      }
      synchronized (this) {
        answer(exchange, method, path, body, query(exchange.getRequestURI().getRawQuery()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      send(exchange, 500, error(e.toString(), null));
    }
  }

  private static String route(String path) {
    Matcher job = JOB.matcher(path);
    if (job.matches()) {
      return "/v1/fine_tuning/jobs/{id}" + (job.group(2) == null ? "" : job.group(2));
    }
    if (path.startsWith("/v1/models/")) {
      return "/v1/models/{id}";
    }
    return path.startsWith("/v1/files/") ? "/v1/files/{id}" : path;
  }

  private void answer(HttpExchange exchange, String method, String path, byte[] body, Map<String, String> query)
      throws IOException {
    Matcher job = JOB.matcher(path);
    if (method.equals("GET") && path.startsWith("/v1/models/")) {
      String id = path.substring("/v1/models/".length());
      send(exchange, models.contains(id) ? 200 : 404, models.contains(id) ? model(id)
          : error("The model '" + id + "' does not exist", "model"));
    } else if (method.equals("DELETE") && path.startsWith("/v1/models/")) {
      String id = path.substring("/v1/models/".length());
      boolean deleted = !id.equals(BASE_MODEL) && models.remove(id);
      send(exchange, deleted ? 200 : 404, deleted ? "{\"id\":\"" + id + "\",\"object\":\"model\",\"deleted\":true}"
          : error("no such model", "model"));
    } else if (method.equals("GET") && path.equals("/v1/models")) {
      ArrayNode data = JSON.createArrayNode();
      models.forEach(m -> data.add(parse(model(m))));
      send(exchange, 200, list(data, false));
    } else if (method.equals("POST") && path.equals("/v1/files")) {
      upload(exchange, body);
    } else if (method.equals("GET") && path.equals("/v1/files")) {
      ArrayNode data = JSON.createArrayNode();
      files.values().forEach(data::add);
      send(exchange, 200, list(data, false));
    } else if (path.startsWith("/v1/files/")) {
      String rest = path.substring("/v1/files/".length());
      String id = rest.endsWith("/content") ? rest.substring(0, rest.length() - 8) : rest;
      if (!files.containsKey(id)) {
        send(exchange, 404, error("No such file: " + id, "file_id"));
      } else if (method.equals("DELETE")) {
        files.remove(id);
        contents.remove(id);
        send(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"file\",\"deleted\":true}");
      } else if (rest.endsWith("/content")) {
        send(exchange, 200, new String(contents.get(id), StandardCharsets.UTF_8));
      } else {
        send(exchange, 200, files.get(id).toString());
      }
    } else if (method.equals("POST") && path.equals("/v1/fine_tuning/jobs")) {
      create(exchange, parse(new String(body, StandardCharsets.UTF_8)));
    } else if (method.equals("GET") && path.equals("/v1/fine_tuning/jobs")) {
      List<ObjectNode> newestFirst = new ArrayList<>();
      jobs.values().forEach(j -> newestFirst.add(0, j.object));
      page(exchange, newestFirst, query, 20);
    } else if (job.matches() && jobs.containsKey(job.group(1))) {
      Job found = jobs.get(job.group(1));
      String what = job.group(2) == null ? "" : job.group(2);
      switch (what) {
        case "/cancel" -> {
          if (finished(found)) {
            send(exchange, 400, error("Job has already completed: " + job.group(1), null));
          } else {
            found.cancelRequested = true;
            send(exchange, 200, found.object.toString());
          }
        }
        case "/events" -> page(exchange, reversed(found.events), query, 20);
        case "/checkpoints" -> page(exchange, reversed(found.checkpoints), query, 10);
        default -> send(exchange, 200, found.object.toString());
      }
    } else if (job.matches()) {
      send(exchange, 404, error("No such job: " + job.group(1), "fine_tuning_job_id"));
    } else {
      send(exchange, 404, error("Unknown path " + method + " " + path, null));
    }
  }

  private void upload(HttpExchange exchange, byte[] body) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    Map<String, String[]> parts = Multipart.parse(type, body);
    if (!parts.containsKey("file") || parts.get("purpose") == null || !"fine-tune".equals(parts.get("purpose")[1])) {
      send(exchange, 400, error("a file and purpose fine-tune are required", "purpose"));
      return;
    }
    String content = parts.get("file")[1];
    String[] lines = content.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String problem = lineProblem(lines[i]);
      if (problem != null) {
        send(exchange, 400, error("line " + (i + 1) + ": " + problem, "file"));
        return;
      }
    }
    String id = "file-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    ObjectNode file = JSON.createObjectNode().put("id", id).put("object", "file").put("bytes", bytes.length)
        .put("created_at", now()).put("filename", parts.get("file")[0]).put("purpose", "fine-tune")
        .put("status", "processed");
    files.put(id, file);
    contents.put(id, bytes);
    send(exchange, 200, file.toString());
  }

  private static String lineProblem(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      return "not JSON";
    }
    if (node == null || !node.isObject()) {
      return "not a JSON object";
    }
    if (node.has("messages")) {
      JsonNode messages = node.get("messages");
      if (!messages.isArray() || messages.isEmpty()
          || !"assistant".equals(messages.get(messages.size() - 1).path("role").asText())) {
        return "messages must end with the assistant's";
      }
      return null;
    }
    if (node.has("prompt")) {
      return node.path("completion").isTextual() ? null : "a prompt needs a completion";
    }
    return node.path("text").isTextual() ? null : "expected messages, prompt/completion or text";
  }

  private void create(HttpExchange exchange, JsonNode request) throws IOException {
    String base = request.path("model").asText();
    if (!models.contains(base)) {
      send(exchange, 400, error("Model " + base + " is not available for fine-tuning", "model"));
      return;
    }
    String training = request.path("training_file").asText();
    if (!files.containsKey(training)) {
      send(exchange, 400, error("invalid training_file: " + training, "training_file"));
      return;
    }
    JsonNode validationFile = request.path("validation_file");
    if (validationFile.isTextual() && !files.containsKey(validationFile.asText())) {
      send(exchange, 400, error("invalid validation_file", "validation_file"));
      return;
    }
    JsonNode method = request.path("method");
    String type = method.path("type").asText("supervised");
    JsonNode hyper = method.path(type).path("hyperparameters");
    int epochs = hyper.path("n_epochs").asInt(1);
    int batch = hyper.path("batch_size").asInt(1);
    int examples = new String(contents.get(training), StandardCharsets.UTF_8).split("\n").length;
    int steps = Math.max(1, epochs * ((examples + batch - 1) / batch));
    String id = "ftjob-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    ObjectNode job = JSON.createObjectNode().put("id", id).put("object", "fine_tuning.job").put("created_at", now());
    job.putNull("finished_at");
    job.put("model", base).putNull("fine_tuned_model");
    job.put("organization_id", "tenant-test").put("status", "validating_files").put("training_file", training);
    job.set("validation_file", validationFile.isTextual() ? validationFile : JSON.nullNode());
    job.putObject("hyperparameters").put("n_epochs", epochs).put("batch_size", batch)
        .put("learning_rate_multiplier", hyper.path("learning_rate_multiplier").asDouble(1));
    job.set("method", method.isObject() ? method : JSON.createObjectNode().put("type", "supervised"));
    job.putArray("result_files");
    job.putNull("trained_tokens");
    job.put("seed", request.path("seed").asLong(0)).putNull("estimated_finish");
    job.putNull("error");
    job.put("suffix", request.path("suffix").asText(""));
    Job created = new Job(job, steps, validationFile.isTextual());
    jobs.put(id, created);
    event(created, "info", "Validating training file: " + training, null);
    send(exchange, 200, job.toString());
  }

  private synchronized void tick() {
    for (Job job : jobs.values()) {
      if (finished(job)) {
        continue;
      }
      if (job.cancelRequested) {
        end(job, "cancelled", "The job was cancelled");
        continue;
      }
      switch (job.object.path("status").asText()) {
        case "validating_files" -> {
          job.object.put("status", "queued");
          event(job, "info", "Files validated, moving job to queued state", null);
        }
        case "queued" -> {
          job.object.put("status", "running");
          event(job, "info", "Fine-tuning job started", null);
        }
        default -> step(job);
      }
    }
  }

  private void step(Job job) {
    job.step++;
    if (job.step == failAtStep) {
      job.object.putObject("error").put("code", "training_failed").put("message", failMessage).putNull("param");
      end(job, "failed", "Fine-tuning job failed: " + failMessage);
      return;
    }
    double loss = 3.0 / (1 + 0.1 * job.step);
    ObjectNode data = JSON.createObjectNode().put("step", job.step).put("total_steps", job.totalSteps)
        .put("train_loss", loss).put("tokens_per_second", 1234.5).put("eta_seconds", job.totalSteps - job.step);
    if (job.validation) {
      data.put("valid_loss", loss + 0.1);
    } else {
      data.putNull("valid_loss");
    }
    event(job, "info", "Step " + job.step + "/" + job.totalSteps + ": training loss=" + loss, data);
    if (job.step == warnAtStep) {
      event(job, "warn", "the remote trainer restarted a worker at step " + job.step, null);
    }
    if (job.step % checkpointEvery == 0) {
      String id = job.object.path("id").asText();
      ObjectNode checkpoint = JSON.createObjectNode().put("id", "ftckpt-" + id + "-" + job.step)
          .put("object", "fine_tuning.job.checkpoint").put("created_at", now()).put("fine_tuning_job_id", id)
          .put("step_number", job.step);
      checkpoint.putObject("metrics").put("step", job.step).put("train_loss", loss).putNull("valid_loss");
      checkpoint.put("fine_tuned_model_checkpoint", "ft-" + job.object.path("suffix").asText() + ":ckpt-step-" + job.step);
      job.checkpoints.add(checkpoint);
    }
    if (job.step >= job.totalSteps) {
      String suffix = job.object.path("suffix").asText();
      String model = "adapter:ft-" + (suffix.isEmpty() ? "" : suffix + "-") + UUID.randomUUID().toString().substring(0, 8);
      job.object.put("fine_tuned_model", model).put("trained_tokens", job.step * 64L);
      models.add(model);
      end(job, "succeeded", "The job has successfully completed");
    }
  }

  private void end(Job job, String status, String message) {
    job.object.put("status", status).put("finished_at", now());
    event(job, status.equals("failed") ? "error" : "info", message, null);
  }

  private static boolean finished(Job job) {
    return Set.of("succeeded", "failed", "cancelled").contains(job.object.path("status").asText());
  }

  private void event(Job job, String level, String message, ObjectNode data) {
    String id = job.object.path("id").asText();
    ObjectNode event = JSON.createObjectNode().put("id", "ftevent-" + id + "-" + (job.events.size() + 1))
        .put("object", "fine_tuning.job.event").put("created_at", now()).put("level", level).put("message", message)
        .put("type", data == null ? "message" : "metrics");
    event.set("data", data == null ? JSON.nullNode() : data);
    job.events.add(event);
  }

  /** Newest first; {@code after} returns items older than that one. */
  private void page(HttpExchange exchange, List<ObjectNode> newestFirst, Map<String, String> query, int limit)
      throws IOException {
    int size = Math.min(100, Integer.parseInt(query.getOrDefault("limit", Integer.toString(limit))));
    int from = 0;
    String after = query.get("after");
    if (after != null) {
      from = newestFirst.size();
      for (int i = 0; i < newestFirst.size(); i++) {
        if (newestFirst.get(i).path("id").asText().equals(after)) {
          from = i + 1;
        }
      }
    }
    ArrayNode data = JSON.createArrayNode();
    newestFirst.subList(from, Math.min(newestFirst.size(), from + size)).forEach(data::add);
    send(exchange, 200, list(data, from + size < newestFirst.size()));
  }

  private static <T> List<T> reversed(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static String model(String id) {
    return JSON.createObjectNode().put("id", id).put("object", "model").put("created", now())
        .put("owned_by", "augment").toString();
  }

  private static String list(ArrayNode data, boolean hasMore) {
    ObjectNode list = JSON.createObjectNode().put("object", "list");
    list.set("data", data);
    return list.put("has_more", hasMore).toString();
  }

  private static String error(String message, String param) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("message", message).put("type", "invalid_request_error").put("param", param)
        .putNull("code");
    return root.toString();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("bad JSON", e);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Just enough multipart/form-data: each part's name -> {filename, content}. */
  static final class Multipart {
    private Multipart() {}

    static Map<String, String[]> parse(String contentType, byte[] body) {
      Map<String, String[]> parts = new HashMap<>();
      if (contentType == null || !contentType.startsWith("multipart/form-data")) {
        return parts;
      }
      String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9);
      String text = new String(body, StandardCharsets.UTF_8);
      for (String part : text.split(Pattern.quote(boundary))) {
        int headEnd = part.indexOf("\r\n\r\n");
        if (headEnd < 0) {
          continue;
        }
        String head = part.substring(0, headEnd);
        String content = part.substring(headEnd + 4);
        content = content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content;
        Function<String, String> attr = key -> {
          Matcher m = Pattern.compile(key + "=\"([^\"]*)\"").matcher(head);
          return m.find() ? m.group(1) : null;
        };
        String name = attr.apply("name");
        if (name != null) {
          parts.put(name, new String[] {attr.apply("filename"), content});
        }
      }
      return parts;
    }
  }
}
