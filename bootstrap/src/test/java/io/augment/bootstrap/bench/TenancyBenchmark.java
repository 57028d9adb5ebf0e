package io.augment.bootstrap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What authentication and tenant namespaces cost per request: the packaged server with
 * authentication off (the baseline, measured in the same run) against one with it on, called with
 * the operator's admin key (default schema) and with a tenant's key (the tenant's own schema and
 * Lucene folder). Rows: a read (GET a knowledge base), a search and a durable single-document
 * ingest, one client, medians of 3 rounds. Writes docs/benchmarks/tenancy.md.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bootstrap
 * org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.augment.bootstrap.bench.TenancyBenchmark}
 */
public final class TenancyBenchmark {
  private static final String ADMIN_KEY = "aug_0123456789abcdef_" + "Q".repeat(43);
  private static final int ROUNDS = 5;
  private static final int READS = 1000;
  private static final int SEARCHES = 300;
  private static final int WRITES = 150;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private TenancyBenchmark() {}

  /** A server and the key to call it with (null: none). */
  private record Caller(String name, String base, String key) {}

  public static void main(String[] args) throws Exception {
    Path project = RagBenchmark.projectRoot();
    Path out = args.length > 0 ? Path.of(args[0]) : project.resolve("docs/benchmarks/tenancy.md");
    Path work = Files.createTempDirectory("augment-tenancy-bench");
    try (PackagedServer off = PackagedServer.start(project, work.resolve("off"));
        PackagedServer on = PackagedServer.start(project, work.resolve("on"), "augment.auth.enabled=true",
            "augment.auth.admin-key=" + ADMIN_KEY)) {
      send(on.base, ADMIN_KEY, "POST", "/api/v1/admin/tenants", Map.of("id", "bench"), 201);
      String tenantKey = JSON.readTree(send(on.base, ADMIN_KEY, "POST", "/api/v1/admin/tenants/bench/keys",
          Map.of("name", "bench", "scope", "write"), 201)).get("key").asText();
      List<Caller> callers = List.of(new Caller("authentication off (baseline)", off.base, null),
          new Caller("on, operator's admin key (default schema)", on.base, ADMIN_KEY),
          new Caller("on, a tenant's key (its own schema and folder)", on.base, tenantKey));
      for (Caller c : callers) {
        seed(c);
      }
      String[] rows = {"GET a knowledge base", "POST search (top 5, dense)", "POST one document (durable ingest)"};
      double[][][] ms = new double[rows.length][callers.size()][ROUNDS];
      int[] writes = new int[callers.size()];
      for (int round = 0; round < ROUNDS; round++) {
        for (int j = 0; j < callers.size(); j++) {
          int i = (j + round) % callers.size(); // each caller goes first, second and last in turn
          Caller c = callers.get(i);
          ms[0][i][round] = perRequest(READS, n -> send(c.base, c.key, "GET", "/api/v1/knowledge-bases/bench", null, 200));
          ms[1][i][round] = perRequest(SEARCHES, n -> send(c.base, c.key, "POST", "/api/v1/knowledge-bases/bench/search",
              Map.of("query", "how does heat move through a wing in supersonic flow " + n, "topK", 5), 200));
          int k = i;
          ms[2][i][round] = perRequest(WRITES, n -> send(c.base, c.key, "POST", "/api/v1/knowledge-bases/bench/documents",
              Map.of("id", "w" + writes[k]++, "text", "Write number " + n + " measures a durable ingest of one short "
                  + "paragraph about boundary layers and heat transfer."), 201));
          System.out.printf(Locale.ROOT, "round %d, %s: read %.2f ms, search %.2f ms, write %.2f ms%n", round + 1, c.name,
              ms[0][i][round], ms[1][i][round], ms[2][i][round]);
        }
      }
      String report = report(rows, callers, ms);
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.println(report);
      System.out.println("written to " + out);
    }
  }

  private static void seed(Caller c) throws Exception {
    send(c.base, c.key, "POST", "/api/v1/knowledge-bases", Map.of("name", "bench"), 201);
    for (int i = 0; i < 50; i++) {
      send(c.base, c.key, "POST", "/api/v1/knowledge-bases/bench/documents", Map.of("id", "seed" + i,
          "text", "Seed paragraph " + i + " on the flow of air over a wing, shock waves and the heat they carry."), 201);
    }
    // warm-up (JIT, connections, the embedding session) before anything is measured
    perRequest(1000, n -> send(c.base, c.key, "GET", "/api/v1/knowledge-bases/bench", null, 200));
    perRequest(300, n -> send(c.base, c.key, "POST", "/api/v1/knowledge-bases/bench/search",
        Map.of("query", "warm up " + n, "topK", 5), 200));
    perRequest(100, n -> send(c.base, c.key, "POST", "/api/v1/knowledge-bases/bench/documents",
        Map.of("id", "warm" + n, "text", "Warm-up paragraph " + n + " about wings."), 201));
  }

  @FunctionalInterface
  private interface Call {
    void run(int n) throws Exception;
  }

  /** Mean milliseconds per request over {@code count} sequential requests. */
  private static double perRequest(int count, Call call) throws Exception {
    long start = System.nanoTime();
    for (int n = 0; n < count; n++) {
      call.run(n);
    }
    return (System.nanoTime() - start) / 1e6 / count;
  }

  private static String send(String base, String key, String method, String path, Object body, int expected)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method,
          HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  private static String report(String[] rows, List<Caller> callers, double[][][] ms) {
    StringBuilder s = new StringBuilder("# Tenancy benchmark\n\n");
    s.append(String.format(Locale.ROOT, "Run on %s: %d cores, Java %s, %s; load before the run %s. Reproduce: `%s`.%n%n",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), Machine.load(),
        "./mvnw -q install -DskipTests && ./mvnw -q -pl bootstrap org.codehaus.mojo:exec-maven-plugin:3.5.1:java "
            + "-Dexec.classpathScope=test -Dexec.mainClass=io.augment.bootstrap.bench.TenancyBenchmark"));
    s.append("Two packaged servers on the embedded defaults (H2 file database with `WRITE_DELAY=0`, Lucene on disk), "
        + "one with `augment.auth.enabled=false` (the baseline) and one with it on; each caller has its own knowledge "
        + "base of 50 short documents. One client, sequential requests; milliseconds per request, each round's mean, "
        + "then the median of " + ROUNDS + " rounds (the callers take turns going first), after a warm-up of 1,000 "
        + "reads, 300 searches and 100 writes per caller. With authentication on, every request reads the key record "
        + "(a revoked key fails at once) and every write is audited.\n\n");
    s.append("| request | caller | ms per round | median ms | / baseline |\n|---|---|---|---:|---:|\n");
    for (int r = 0; r < rows.length; r++) {
      double baseline = median(ms[r][0]);
      for (int c = 0; c < callers.size(); c++) {
        List<String> each = new ArrayList<>();
        for (double v : ms[r][c]) {
          each.add(String.format(Locale.ROOT, "%.2f", v));
        }
        double m = median(ms[r][c]);
        s.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s |%n", rows[r], callers.get(c).name,
            String.join(" / ", each), m, c == 0 ? "1.00x" : String.format(Locale.ROOT, "**%.2fx**", m / baseline)));
      }
    }
    s.append("\nReading it: the rounds still fall while the JIT and caches settle, and the two servers are separate "
        + "JVMs, so differences of about 10% either way are within this machine's run-to-run spread; a ratio below "
        + "1.00x is not a speed-up. What the table can show is a cost much larger than that.\n");
    return s.toString();
  }
}
