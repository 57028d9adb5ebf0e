package io.augment.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.bootstrap.TestPorts;
import io.augment.bootstrap.tenancy.AuthOnProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged server with authentication on, killed with SIGKILL while clients of three tenants
 * (the operator's, {@code alpha} and {@code beta}) write and delete documents in knowledge bases of
 * the same name, then started again on the same data directory, twice. After each restart each
 * tenant's acknowledged writes read back with its key and in no other tenant, acknowledged deletes
 * stay deleted, each tenant's index holds chunks of exactly its own documents with records, the keys
 * still work, and a tenant created just before the kill is still there. A second scenario kills the
 * server right after a tenant's delete was answered, and takes one to fall inside a delete. Counts per trial go to the log and
 * {@code target/tenant-crash-report.md}.
 */
class TenantCrashRecoveryIT {
  private static final String KB = "notes";
  private static final int TRIALS = 2;
  private static final Duration READY = Duration.ofSeconds(90);
  private static final String ADMIN = AuthOnProfile.ADMIN_KEY;
  private static final List<String> AUTH_ON = List.of("-Daugment.auth.enabled=true", "-Daugment.auth.admin-key=" + ADMIN);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void eachTenantsAcknowledgedWorkSurvivesKillNineInItsOwnWorkspaceOnly() throws Exception {
    assertThat(ServerProcess.JAR).as("run after packaging (mvn verify)").exists();
    Path dataDir = Files.createDirectories(Path.of("target", "tenant-crash-data-" + System.currentTimeMillis()));
    ServerProcess server = new ServerProcess(dataDir, TestPorts.free(), AUTH_ON);
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, Ledger> ledgers = new LinkedHashMap<>();
    Map<String, String> lateTenants = new LinkedHashMap<>();
    CrashReport report = new CrashReport();
    List<String> failures = new ArrayList<>();
    Random random = new Random();
    try {
      server.start(dataDir.resolve("server-0.log"), READY);
      String base = server.baseUrl();
      keys.put("default", ADMIN);
      for (String tenant : List.of("alpha", "beta")) {
        keys.put(tenant, createTenantWithKey(base, tenant, "write"));
      }
      for (Map.Entry<String, String> t : keys.entrySet()) {
        assertThat(send(base, "POST", "/api/v1/knowledge-bases", t.getValue(), "{\"name\":\"" + KB + "\"}").statusCode())
            .as("knowledge base %s of tenant %s", KB, t.getKey()).isEqualTo(201);
        ledgers.put(t.getKey(), new Ledger());
      }
      for (int trial = 1; trial <= TRIALS; trial++) {
        Map<String, int[]> before = new LinkedHashMap<>();
        List<Workload> workloads = new ArrayList<>();
        for (String tenant : keys.keySet()) {
          Ledger ledger = ledgers.get(tenant);
          before.put(tenant, new int[] {ledger.writes(), ledger.deletes()});
          Workload workload = new Workload(base, KB, ledger, tenant + "-t" + trial, keys.get(tenant));
          assertThat(workload.writeOne(tenant + "-t" + trial + "-warm-up")).as("%s's write before the load", tenant).isTrue();
          workloads.add(workload);
        }
        workloads.forEach(Workload::start);
        long killAfter = 1500 + random.nextInt(2001);
        Thread.sleep(killAfter);
        String late = "late-" + trial;
        lateTenants.put(late, createTenantWithKey(base, late, "read")); // both answered 201, then at once the kill
        int inFlight = workloads.stream().mapToInt(Workload::inFlight).sum();
        server.kill();
        for (Workload w : workloads) {
          w.stop();
        }
        server.start(dataDir.resolve("server-" + trial + ".log"), READY);

        for (String tenant : keys.keySet()) {
          Ledger ledger = ledgers.get(tenant);
          Verification own = new Verification(base, KB, keys.get(tenant));
          Verification.Findings findings = own.check(ledger);
          int writes = ledger.writes() - before.get(tenant)[0];
          int deletes = ledger.deletes() - before.get(tenant)[1];
          report.trial(trial + " " + tenant, killAfter, writes, deletes, inFlight, findings);
          assertThat(writes).as("trial %d: tenant %s acknowledged some writes before the kill", trial, tenant).isGreaterThan(1);
          if (findings.total() > 0) {
            failures.add("trial " + trial + ", tenant " + tenant + ": " + findings.examples());
          }
          for (String other : keys.keySet()) {
            if (!other.equals(tenant)) {
              Set<String> leaks = own.visibleOf(ledgers.get(other));
              if (!leaks.isEmpty()) {
                failures.add("trial " + trial + ": tenant " + tenant + " sees " + leaks.size() + " of " + other
                    + "'s documents, e.g. " + leaks.stream().limit(5).toList());
              }
            }
          }
        }
        for (Map.Entry<String, String> t : lateTenants.entrySet()) {
          assertThat(send(base, "GET", "/api/v1/admin/tenants/" + t.getKey(), ADMIN, null).statusCode())
              .as("trial %d: tenant %s, created just before a kill, after the restart", trial, t.getKey()).isEqualTo(200);
          HttpResponse<String> kbs = send(base, "GET", "/api/v1/knowledge-bases", t.getValue(), null);
          assertThat(kbs.statusCode()).as("trial %d: the key of tenant %s: %s", trial, t.getKey(), kbs.body()).isEqualTo(200);
          assertThat(JSON.readTree(kbs.body()).size()).as("tenant %s's knowledge bases", t.getKey()).isZero();
        }
      }
    } finally {
      server.stop();
      report.write(Path.of("target", "tenant-crash-report.md"));
    }
    assertThat(failures).as("after kill -9 and restart:\n%s\n%s", report.table(), String.join("\n", failures)).isEmpty();
  }

  /**
   * Tenant {@code doomed} is deleted (204) and the server killed at once; for tenant {@code ghost} the
   * kill is taken to fall inside the delete, after its record and keys were removed and before its
   * storage was purged (made by removing the record from the database file while the server is down).
   * After the restart both are gone with their keys, and each created again starts empty.
   */
  @Test
  void aDeletedTenantStaysDeletedAfterKillNineAndComesBackEmpty() throws Exception {
    assertThat(ServerProcess.JAR).as("run after packaging (mvn verify)").exists();
    Path dataDir = Files.createDirectories(Path.of("target", "tenant-delete-crash-data-" + System.currentTimeMillis()));
    ServerProcess server = new ServerProcess(dataDir, TestPorts.free(), AUTH_ON);
    try {
      server.start(dataDir.resolve("server-0.log"), READY);
      String base = server.baseUrl();
      Map<String, String> oldKeys = new LinkedHashMap<>();
      for (String tenant : List.of("doomed", "ghost")) {
        String key = createTenantWithKey(base, tenant, "write");
        oldKeys.put(tenant, key);
        assertThat(send(base, "POST", "/api/v1/knowledge-bases", key, "{\"name\":\"" + KB + "\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> doc = send(base, "POST", "/api/v1/knowledge-bases/" + KB + "/documents", key,
            "{\"id\":\"kept-secret\",\"title\":\"old\",\"text\":\"The qzformerowner note of " + tenant + ".\"}");
        assertThat(doc.statusCode()).as(doc.body()).isBetween(200, 299);
      }

      assertThat(send(base, "DELETE", "/api/v1/admin/tenants/doomed", ADMIN, null).statusCode()).isEqualTo(204);
      server.kill();
      removeTenantRecord(dataDir, "ghost");
      server.start(dataDir.resolve("server-1.log"), READY);

      JsonNode listed = JSON.readTree(send(base, "GET", "/api/v1/admin/tenants", ADMIN, null).body());
      List<String> ids = new ArrayList<>();
      listed.forEach(t -> ids.add(t.path("id").asText()));
      assertThat(ids).doesNotContain("doomed", "ghost");
      for (Map.Entry<String, String> t : oldKeys.entrySet()) {
        String tenant = t.getKey();
        assertThat(send(base, "GET", "/api/v1/knowledge-bases", t.getValue(), null).statusCode())
            .as("the key of deleted tenant %s after the restart", tenant).isEqualTo(401);
        assertThat(send(base, "GET", "/api/v1/admin/tenants/" + tenant, ADMIN, null).statusCode()).isEqualTo(404);

        String newKey = createTenantWithKey(base, tenant, "write");
        HttpResponse<String> kbs = send(base, "GET", "/api/v1/knowledge-bases", newKey, null);
        assertThat(kbs.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(kbs.body()).size()).as("knowledge bases of %s created again: %s", tenant, kbs.body()).isZero();
        assertThat(send(base, "POST", "/api/v1/knowledge-bases", newKey, "{\"name\":\"" + KB + "\"}").statusCode())
            .as("%s created again makes a knowledge base of the old one's name", tenant).isEqualTo(201);
        assertThat(send(base, "GET", "/api/v1/knowledge-bases/" + KB + "/documents/kept-secret", newKey, null).statusCode())
            .as("the old %s's document", tenant).isEqualTo(404);
        HttpResponse<String> search = send(base, "POST", "/api/v1/knowledge-bases/" + KB + "/search", newKey,
            "{\"query\":\"qzformerowner\",\"mode\":\"bm25\",\"topK\":10}");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(JSON.readTree(search.body()).path("hits").size()).as("the old %s's chunks: %s", tenant, search.body())
            .isZero();
        assertThat(send(base, "GET", "/api/v1/knowledge-bases", t.getValue(), null).statusCode())
            .as("the old key of %s does not come back with the tenant's id", tenant).isEqualTo(401);
      }
    } finally {
      server.stop();
    }
  }

  /** What a kill inside a tenant's delete leaves: record and keys (cascade) gone, storage still there. */
  private static void removeTenantRecord(Path dataDir, String tenant) throws Exception {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("augment") + ";WRITE_DELAY=0";
    try (Connection db = DriverManager.getConnection(url, "augment", "augment");
        PreparedStatement delete = db.prepareStatement("delete from tenant where id = ?")) {
      delete.setString(1, tenant);
      assertThat(delete.executeUpdate()).as("tenant %s's record", tenant).isEqualTo(1);
    }
  }

  /** Creates the tenant (201) and a key of the scope for it (201); returns the key's text. */
  private String createTenantWithKey(String base, String tenant, String scope) throws Exception {
    HttpResponse<String> created = send(base, "POST", "/api/v1/admin/tenants", ADMIN, "{\"id\":\"" + tenant + "\"}");
    assertThat(created.statusCode()).as("create tenant %s: %s", tenant, created.body()).isEqualTo(201);
    HttpResponse<String> key = send(base, "POST", "/api/v1/admin/tenants/" + tenant + "/keys", ADMIN,
        "{\"name\":\"crash " + scope + "\",\"scope\":\"" + scope + "\"}");
    assertThat(key.statusCode()).as("create a key of tenant %s: %s", tenant, key.body()).isEqualTo(201);
    return JSON.readTree(key.body()).path("key").asText();
  }

  private HttpResponse<String> send(String base, String method, String path, String key, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key).header("X-Augment-Request", "1");
    if (json != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
