package io.augment.bootstrap.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state after a restart, checked against the ledger: every acknowledged write reads back,
 * every acknowledged delete is gone, and the index agrees with the document records (a BM25 search
 * for a document's nonce finds it exactly when its record exists).
 */
final class Verification {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final String knowledgeBase;
  private final String key;

  Verification(String baseUrl, String knowledgeBase) {
    this(baseUrl, knowledgeBase, null);
  }

  /** @param key the API key every request presents ({@code Authorization: Bearer}); null for none */
  Verification(String baseUrl, String knowledgeBase, String key) {
    this.knowledgeBase = baseUrl + "/api/v1/knowledge-bases/" + knowledgeBase;
    this.key = key;
  }

  /** Ids by what is wrong with them; all empty when the store kept every promise. */
  record Findings(Set<String> lost, Set<String> resurrected, Set<String> orphans, Set<String> unsearchable) {
    int total() {
      return lost.size() + resurrected.size() + orphans.size() + unsearchable.size();
    }

    /** A few ids per kind, for the assertion message. */
    String examples() {
      List<String> parts = new ArrayList<>();
      add(parts, "lost", lost);
      add(parts, "resurrected", resurrected);
      add(parts, "orphans", orphans);
      add(parts, "unsearchable", unsearchable);
      return String.join("; ", parts);
    }

    private static void add(List<String> parts, String kind, Set<String> ids) {
      if (!ids.isEmpty()) {
        parts.add(kind + " e.g. " + ids.stream().limit(5).toList());
      }
    }
  }

  Findings check(Ledger ledger) throws IOException, InterruptedException {
    Set<String> lost = new TreeSet<>();
    Set<String> resurrected = new TreeSet<>();
    Set<String> orphans = new TreeSet<>();
    Set<String> unsearchable = new TreeSet<>();
    Set<String> mustExist = Set.copyOf(ledger.mustExist());
    Set<String> mustBeGone = Set.copyOf(ledger.mustBeGone());
    for (Map.Entry<String, String> sent : ledger.everySent().entrySet()) {
      String id = sent.getKey();
      int status = get("/documents/" + id);
      boolean present = status == 200;
      if (status != 200 && status != 404) {
        throw new IllegalStateException("GET document " + id + " answered " + status);
      }
      if (mustExist.contains(id) && !present) {
        lost.add(id);
      }
      if (mustBeGone.contains(id) && present) {
        resurrected.add(id);
      }
      boolean indexed = searchFinds(sent.getValue(), id);
      if (!present && indexed) {
        orphans.add(id);
      }
      if (present && !indexed) {
        unsearchable.add(id);
      }
    }
    return new Findings(lost, resurrected, orphans, unsearchable);
  }

  /**
   * Ids of documents sent by another client (another tenant's, with the same knowledge-base name)
   * that this knowledge base shows: by id (GET) or by their nonce (BM25 search). Empty when none leaks.
   */
  Set<String> visibleOf(Ledger other) throws IOException, InterruptedException {
    Set<String> leaks = new TreeSet<>();
    for (Map.Entry<String, String> sent : other.everySent().entrySet()) {
      int status = get("/documents/" + sent.getKey());
      if (status != 404 && status != 200) {
        throw new IllegalStateException("GET document " + sent.getKey() + " answered " + status);
      }
      if (status == 200 || searchFinds(sent.getValue(), sent.getKey())) {
        leaks.add(sent.getKey());
      }
    }
    return leaks;
  }

  private int get(String path) throws IOException, InterruptedException {
    return client.send(authorized(HttpRequest.newBuilder(URI.create(knowledgeBase + path))).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private boolean searchFinds(String nonce, String id) throws IOException, InterruptedException {
    String body = "{\"query\":\"" + nonce + "\",\"mode\":\"bm25\",\"topK\":10}";
    HttpResponse<String> response = client.send(authorized(HttpRequest.newBuilder(URI.create(knowledgeBase + "/search")))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("search for " + nonce + " answered " + response.statusCode() + ": " + response.body());
    }
    for (JsonNode hit : JSON.readTree(response.body()).path("hits")) {
      if (hit.path("documentId").asText().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return key == null ? request : request.header("Authorization", "Bearer " + key);
  }
}
