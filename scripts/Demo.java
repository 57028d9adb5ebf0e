import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seeds the sample knowledge base and asks it questions over the REST API. Needs only a JDK:
 * {@code java scripts/Demo.java http://localhost:8080 docs/sample-kb}. With a third argument, a
 * size ({@code small}), it then runs the knowledge-injection benchmark at that size with live
 * progress, prints its results table and saves its HTML report (fourth argument: the file).
 */
public class Demo {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    Path samples = Path.of(args.length > 1 ? args[1] : "docs/sample-kb");
    long start = System.nanoTime();
    while (status(get(base + "/q/health/ready")) != 200) {
      if (System.nanoTime() - start > Duration.ofSeconds(120).toNanos()) {
        throw new IllegalStateException("Augment did not become ready at " + base + " within 120 s");
      }
      Thread.sleep(100);
    }
    System.out.printf("Augment is ready at %s (waited %.1f s)%n", base, (System.nanoTime() - start) / 1e9);

    HttpResponse<String> created = post(base + "/api/v1/knowledge-bases", "application/json",
        "{\"name\":\"sample\",\"description\":\"How Augment teaches a model: RAG, LoRA, full fine-tuning\"}");
    System.out.println(created.statusCode() == 201 ? "Created knowledge base 'sample'" : "Knowledge base 'sample' already exists");
    try (Stream<Path> files = Files.list(samples)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String id = file.getFileName().toString().replace(".md", "");
        String body = "{\"id\":" + quote(id) + ",\"mediaType\":\"text/markdown\",\"text\":" + quote(Files.readString(file)) + "}";
        HttpResponse<String> r = post(base + "/api/v1/knowledge-bases/sample/documents", "application/json", body);
        String outcome = r.body().replaceAll("(?s).*\"outcome\":\"([a-z]+)\".*", "$1");
        System.out.printf("  %-20s %s (HTTP %d)%n", id, r.statusCode() < 300 ? outcome : r.body(), r.statusCode());
      }
    }
    for (String question : List.of(
        "How much of the model does LoRA train?",
        "Why is full fine-tuning expensive?",
        "What are the weak spots of retrieval-augmented generation?")) {
      HttpRequest ask = HttpRequest.newBuilder(URI.create(base + "/api/v1/knowledge-bases/sample/query"))
          .header("Content-Type", "application/json").header("Accept", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString("{\"question\":" + quote(question) + ",\"topK\":3}")).build();
      System.out.println();
      System.out.print(HTTP.send(ask, HttpResponse.BodyHandlers.ofString()).body());
    }
    if (args.length > 2) {
      knowledgeInjection(base, args[2], Path.of(args.length > 3 ? args[3] : "data/knowledge-injection-demo.html"));
    }
  }

  /** RAG vs LoRA vs full fine-tuning on invented facts, base model trained right here (docs/benchmarks/knowledge-injection.md). */
  static void knowledgeInjection(String base, String size, Path html) throws Exception {
    System.out.println();
    System.out.println("Knowledge-injection benchmark (size " + size + "): a base model is trained from scratch on world A, "
        + "then world B is taught by RAG, LoRA and full fine-tuning and every way is asked world B's questions.");
    HttpResponse<String> started = post(base + "/api/v1/benchmarks/knowledge-injection", "application/json",
        "{\"size\":" + quote(size) + "}");
    if (started.statusCode() != 202) {
      System.out.println("  not started: HTTP " + started.statusCode() + " " + started.body());
      return;
    }
    String location = started.headers().firstValue("Location").orElseThrow();
    String job = location.startsWith("http") ? location : base + location;
    String body;
    String last = "";
    while (true) {
      Thread.sleep(2000);
      HttpResponse<String> polled = get(job, Duration.ofSeconds(30)); // the server is busy loading the engine at first
      if (polled == null) {
        continue;
      }
      body = polled.body();
      String status = field(body, "status");
      String line = String.format("  %s: %.0f%% done, ETA %s", status, Double.parseDouble(field(body, "percent")),
          field(body, "etaSeconds").equals("null") ? "unknown" : Math.round(Double.parseDouble(field(body, "etaSeconds"))) + " s");
      if (!line.equals(last)) {
        System.out.println(line);
        last = line;
      }
      if (!status.equals("queued") && !status.equals("running")) {
        break;
      }
    }
    if (!field(body, "status").equals("succeeded")) {
      System.out.println("  " + field(body, "error"));
      return;
    }
    System.out.printf("  base model %s: closed book %.2f, reading %.2f (world A; bars 0.80 / 0.90), reading world B %.2f%n",
        field(body, "baseModel"), Double.parseDouble(field(body, "closedBookA")), Double.parseDouble(field(body, "readingA")),
        Double.parseDouble(field(body, "readingB")));
    System.out.printf("%n  %-44s %7s %7s %10s%n", "contender", "EM(B)", "F1(B)", "EM(A ctl)");
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\{\"contender\":\"([^\"]+)\",\"exactMatch\":([^,]+),"
        + "\"f1\":([^,]+),\"contains\":[^,]+,\"controlExactMatch\":([^}]+)}").matcher(body);
    while (row.find()) {
      System.out.printf("  %-44s %7s %7s %10s%n", row.group(1), round(row.group(2)), round(row.group(3)), round(row.group(4)));
    }
    HttpRequest report = HttpRequest.newBuilder(URI.create(job + "/report")).header("Accept", "text/html").build();
    Files.createDirectories(html.toAbsolutePath().getParent());
    Files.writeString(html, HTTP.send(report, HttpResponse.BodyHandlers.ofString()).body());
    System.out.println("\n  HTML report: " + html.toAbsolutePath());
  }

  static String field(String json, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|[^,}\\]]+)").matcher(json);
    return !m.find() ? "null" : m.group(2) != null ? m.group(2) : m.group(1);
  }

  static String round(String number) {
    return number.equals("null") ? "-" : String.format("%.2f", Double.parseDouble(number));
  }

  static HttpResponse<String> get(String url) {
    return get(url, Duration.ofSeconds(2));
  }

  static HttpResponse<String> get(String url, Duration timeout) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      return null;
    }
  }

  static int status(HttpResponse<String> r) {
    return r == null ? 0 : r.statusCode();
  }

  static HttpResponse<String> post(String url, String type, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
