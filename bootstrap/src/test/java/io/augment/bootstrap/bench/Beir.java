package io.augment.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A BEIR-format dataset folder: corpus.jsonl, queries.jsonl, qrels/test.tsv. */
record Beir(String name, List<Doc> corpus, List<Query> queries, Map<String, Map<String, Integer>> qrels) {
  record Doc(String id, String title, String text) {}

  /** {@code answers}: gold answer strings when the dataset has them (XQuAD). */
  record Query(String id, String text, List<String> answers) {}

  static Beir load(Path folder) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Doc> corpus = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("corpus.jsonl"))) {
      JsonNode n = json.readTree(line);
      corpus.add(new Doc(n.get("_id").asText(), n.path("title").asText(""), n.path("text").asText("")));
    }
    List<Query> queries = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("queries.jsonl"))) {
      JsonNode n = json.readTree(line);
      List<String> answers = new ArrayList<>();
      n.path("metadata").path("answers").forEach(a -> answers.add(a.asText()));
      queries.add(new Query(n.get("_id").asText(), n.get("text").asText(), answers));
    }
    Map<String, Map<String, Integer>> qrels = new HashMap<>();
    List<String> lines = Files.readAllLines(folder.resolve("qrels/test.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      int score = Integer.parseInt(f[2].trim());
      if (score > 0) {
        qrels.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], score);
      }
    }
    String name = folder.getParent() == null ? folder.toString() : folder.getParent().getFileName().toString();
    return new Beir(name, corpus, queries, qrels);
  }

  /**
   * The first {@code documents} documents, the queries with a relevant document among them and
   * their judgements restricted to them.
   */
  Beir slice(int documents) {
    List<Doc> kept = corpus.subList(0, Math.min(documents, corpus.size()));
    Set<String> ids = kept.stream().map(Doc::id).collect(Collectors.toSet());
    Map<String, Map<String, Integer>> judged = new HashMap<>();
    qrels.forEach((query, docs) -> {
      Map<String, Integer> inSlice = new HashMap<>(docs);
      inSlice.keySet().retainAll(ids);
      if (!inSlice.isEmpty()) {
        judged.put(query, inSlice);
      }
    });
    List<Query> asked = queries.stream().filter(q -> judged.containsKey(q.id())).toList();
    return new Beir(name + "-slice", List.copyOf(kept), asked, judged);
  }
}
