package io.augment.bootstrap.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a single case could have changed, cheap enough to read before and after every case: each
 * knowledge base's revision and document and chunk counts (from the records), and which documents'
 * chunks a search for the hostile nonce finds in the attacked knowledge base (from the index).
 */
record Fingerprint(Map<String, String> knowledgeBases, Set<String> indexed) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Fingerprint read(Http http) {
    Map<String, String> kbs = new TreeMap<>();
    parse(http.get("/api/v1/knowledge-bases")).forEach(kb -> kbs.put(kb.path("name").asText(),
        "revision " + kb.path("revision") + ", documents " + kb.path("documents") + ", chunks " + kb.path("chunks")));
    Set<String> indexed = new TreeSet<>();
    Http.Reply found = http.json("POST", "/api/v1/knowledge-bases/" + Seed.KB + "/search",
        "{\"query\":\"" + Seed.NONCE + "\",\"mode\":\"bm25\",\"topK\":100}");
    if (found.status() == 200) {
      parse(found).path("hits").forEach(hit -> indexed.add(hit.path("documentId").asText()));
    }
    return new Fingerprint(kbs, indexed);
  }

  /** What changed since {@code before}, in words; empty when nothing did. */
  String changesSince(Fingerprint before) {
    List<String> lines = new ArrayList<>();
    before.knowledgeBases.forEach((name, counts) -> {
      String now = knowledgeBases.get(name);
      if (now == null) {
        lines.add("knowledge base " + name + " deleted");
      } else if (!now.equals(counts)) {
        lines.add(name + " " + counts + " -> " + now);
      }
    });
    knowledgeBases.keySet().stream().filter(name -> !before.knowledgeBases.containsKey(name))
        .forEach(name -> lines.add("knowledge base " + name + " created"));
    indexed.stream().filter(id -> !before.indexed.contains(id))
        .forEach(id -> lines.add("chunks of " + id + " now in the index"));
    before.indexed.stream().filter(id -> !indexed.contains(id))
        .forEach(id -> lines.add("chunks of " + id + " gone from the index"));
    return String.join("; ", lines);
  }

  private static JsonNode parse(Http.Reply reply) {
    try {
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
