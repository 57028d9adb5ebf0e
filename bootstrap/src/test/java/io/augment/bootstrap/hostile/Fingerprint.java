package io.augment.bootstrap.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a single case could have changed, cheap enough to read before and after every case: each
 * knowledge base's revision and document and chunk counts. (Chunks the index shows only after its
 * next refresh are left to the final snapshot and its orphan search.)
 */
record Fingerprint(Map<String, String> knowledgeBases) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Fingerprint read(Http http) {
    Map<String, String> kbs = new TreeMap<>();
    parse(http.get("/api/v1/knowledge-bases")).forEach(kb -> kbs.put(kb.path("name").asText(),
        "revision " + kb.path("revision") + ", documents " + kb.path("documents") + ", chunks " + kb.path("chunks")));
    return new Fingerprint(kbs);
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
