package io.augment.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything stored, read back through the REST API: the knowledge bases, their documents (with
 * content hashes), each document's chunks, and the results of fixed searches (which also see chunks
 * that have no document record). Timings are dropped; the rest must match exactly.
 */
record StoreSnapshot(Map<String, String> entries) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static StoreSnapshot take(Http http) {
    Map<String, String> entries = new TreeMap<>();
    JsonNode kbs = read(http, "/api/v1/knowledge-bases");
    for (JsonNode kb : kbs) {
      String name = kb.path("name").asText();
      entries.put("knowledge base " + name, kb.toString());
      String documents = "/api/v1/knowledge-bases/" + name + "/documents";
      for (JsonNode doc : read(http, documents + "?limit=1000")) {
        String id = doc.path("id").asText();
        entries.put("document " + name + "/" + id, doc.toString());
        entries.put("chunks of " + name + "/" + id, read(http, documents + "/" + id + "/chunks").toString());
      }
    }
    for (String[] search : Seed.searches()) {
      Http.Reply reply = http.json("POST", "/api/v1/knowledge-bases/" + search[0] + "/search", search[1]);
      entries.put("search " + search[0] + " " + search[1], reply.status() + " " + withoutTimings(reply.body()));
    }
    return new StoreSnapshot(entries);
  }

  /**
   * Chunks the index holds for a document that has no record: found by a BM25 search for the nonce
   * every hostile text carries, in every knowledge base; as {@code kb/documentId}.
   */
  static List<String> orphans(Http http) {
    List<String> orphans = new ArrayList<>();
    for (JsonNode kb : read(http, "/api/v1/knowledge-bases")) {
      String name = kb.path("name").asText();
      Http.Reply found = http.json("POST", "/api/v1/knowledge-bases/" + name + "/search",
          "{\"query\":\"" + Seed.NONCE + "\",\"mode\":\"bm25\",\"topK\":100}");
      if (found.status() != 200) {
        continue;
      }
      for (JsonNode hit : parse(found.body()).path("hits")) {
        String id = hit.path("documentId").asText();
        if (http.get("/api/v1/knowledge-bases/" + name + "/documents/" + id).status() == 404) {
          orphans.add(name + "/" + id);
        }
      }
    }
    return orphans;
  }

  /** One line per entry added, removed or changed since {@code before}. */
  List<String> differencesFrom(StoreSnapshot before) {
    List<String> lines = new ArrayList<>();
    for (String key : new TreeSet<>(union(before.entries.keySet(), entries.keySet()))) {
      String was = before.entries.get(key);
      String now = entries.get(key);
      if (!Objects.equals(was, now)) {
        lines.add(was == null ? "added " + key + ": " + cut(now)
            : now == null ? "removed " + key : "changed " + key + ": " + cut(was) + " -> " + cut(now));
      }
    }
    return lines;
  }

  private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    TreeSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String cut(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  private static JsonNode read(Http http, String path) {
    Http.Reply reply = http.get(path);
    assertThat(reply.status()).as("GET %s: %s", path, reply.summary()).isEqualTo(200);
    return parse(reply.body());
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withoutTimings(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node instanceof ObjectNode object) {
        List<String> timings = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
          if (name.endsWith("Ms")) {
            timings.add(name);
          }
        });
        object.remove(timings);
      }
      return node.toString();
    } catch (IOException e) {
      return body;
    }
  }
}
