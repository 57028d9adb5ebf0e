package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Json.MISSING;
import static io.augment.bootstrap.hostile.Json.list;
import static io.augment.bootstrap.hostile.Json.map;
import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;

import io.augment.bootstrap.hostile.Mutations.Mutation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Malformed REST searches, questions, summaries, comparisons, list parameters and unknown knowledge bases. */
final class RestQueryCases {
  private static final String KBS = "/api/v1/knowledge-bases";
  private final Http http;
  private final String kb;

  RestQueryCases(Http http, String kb) {
    this.http = http;
    this.kb = kb;
  }

  List<HostileCase> all() {
    List<HostileCase> all = new ArrayList<>(search("search", KBS + "/" + kb + "/search", "query"));
    all.addAll(search("query", KBS + "/" + kb + "/query", "question"));
    all.addAll(queryStream());
    all.addAll(summary());
    all.addAll(compare());
    all.addAll(listDocuments());
    all.addAll(unknownKnowledgeBase());
    return all;
  }

  private JsonCases endpoint(String label, String path) {
    return new JsonCases(http, "REST POST " + path.replace(KBS + "/" + kb, "{kb}"), "POST", path, Expect::problem);
  }

  private List<HostileCase> search(String label, String path, String textField) {
    Supplier<Map<String, Object>> valid = () -> map(textField, "What causes the tides?");
    JsonCases cases = endpoint(label, path)
        .field(textField, valid, Mutations.requiredText(10_000))
        .field("topK", valid, Mutations.count(1, 100))
        .field("filter", valid, filters())
        .field("mode", valid, Mutations.enumeration())
        .field("hyde", valid, Mutations.flag())
        .field("rerank", valid, List.of(new Mutation("a string", "abc")))
        .field("queryVariants", valid, Mutations.count(0, 5))
        .field("candidates", valid, Mutations.count(1, 1000));
    if (textField.equals("question")) {
      cases.field("maxTokens", valid, List.of(new Mutation("a string", "abc"), new Mutation("zero", 0),
              new Mutation("negative", -1), new Mutation("past int range", new Json.Raw("2147483648"))))
          .field("temperature", valid, Mutations.ratio(0, 2));
    }
    return cases.brokenBodies(Json.write(valid.get()), textField).cases();
  }
  static List<Mutation> filters() {
    List<Mutation> m = new ArrayList<>(Mutations.object());
    m.addAll(List.of(new Mutation("with a null condition", map("team", null)),
        new Mutation("with an empty list", map("team", list())), new Mutation("with a null list element", map("team", list("red", null))),
        new Mutation("with an empty object condition", map("team", map())),
        new Mutation("with an empty anyOf", map("tags", map("anyOf", list()))),
        new Mutation("with a null in anyOf", map("tags", map("anyOf", list((Object) null)))),
        new Mutation("with an object as range bound", map("date", map("from", map("a", "b")))),
        new Mutation("with 2000 keys", Json.manyKeys(2000, "v")),
        new Mutation("with 5000 values under one key", map("team", Json.manyValues(5000))),
        new Mutation("with deeply nested values", map("team", Json.nested(5000)))));
    return m;
  }
  private List<HostileCase> queryStream() {
    Supplier<Map<String, Object>> valid = () -> map("question", "What causes the tides?");
    return endpoint("query stream", KBS + "/" + kb + "/query/stream")
        .field("question", valid, List.of(new Mutation("missing", MISSING), new Mutation("empty", ""),
            new Mutation("zero-width only", ZERO_WIDTH)))
        .field("topK", valid, List.of(new Mutation("zero", 0), new Mutation("a string", "abc")))
        .field("temperature", valid, List.of(new Mutation("NaN", new Json.Raw("NaN"), false), new Mutation("above 2", 3)))
        .field("filter", valid, List.of(new Mutation("with 2000 keys", Json.manyKeys(2000, "v"))))
        .cases();
  }
  private List<HostileCase> summary() {
    Supplier<Map<String, Object>> valid = () -> map("groupSize", 4);
    List<HostileCase> all = new ArrayList<>(endpoint("summary", KBS + "/" + kb + "/summary")
        .field("groupSize", valid, Mutations.count(2, 200))
        .field("sentencesPerGroup", valid, Mutations.count(1, 20))
        .field("maxSentences", valid, Mutations.count(1, 50))
        .brokenBodies("{\"groupSize\":4,\"note\":\"x\"}", "note", false)
        .cases());
    all.addAll(endpoint("summary job", KBS + "/" + kb + "/summary/jobs")
        .field("groupSize", valid, List.of(new Mutation("below 2", 1), new Mutation("a string", "abc"))).cases());
    all.addAll(endpoint("summary stream", KBS + "/" + kb + "/summary/stream")
        .field("groupSize", valid, List.of(new Mutation("below 2", 1), new Mutation("a string", "abc"))).cases());
    return all;
  }
  private List<HostileCase> compare() {
    Supplier<Map<String, Object>> valid = () -> map("question", "What causes the tides?", "adapters", list());
    return endpoint("compare", KBS + "/" + kb + "/compare")
        .field("question", valid, Mutations.requiredText(10_000))
        .field("adapters", valid, List.of(new Mutation("a string", "abc"), new Mutation("with a null element", list((Object) null)),
            new Mutation("with a blank name", list(" ")), new Mutation("with 1000 names", Json.manyValues(1000))))
        .field("topK", valid, List.of(new Mutation("zero", 0), new Mutation("above 100", 101)))
        .field("maxTokens", valid, List.of(new Mutation("zero", 0), new Mutation("above 4096", 4097)))
        .cases();
  }
  private List<HostileCase> listDocuments() {
    List<HostileCase> all = new ArrayList<>();
    for (String query : List.of("limit=abc", "limit=0", "limit=-1", "limit=99999999999", "limit=1.5", "offset=-1",
        "offset=abc", "offset=99999999999")) {
      String field = query.substring(0, query.indexOf('='));
      all.add(new HostileCase("REST GET {kb}/documents?" + query,
          () -> Expect.badRequest(http.get(KBS + "/" + kb + "/documents?" + query), field)));
    }
    return all;
  }
  /** A valid request to a knowledge base that does not exist is a 404 on every endpoint, streams too. */
  private List<HostileCase> unknownKnowledgeBase() {
    String missing = KBS + "/no-such-kb";
    Map<String, Object> question = map("question", "What causes the tides?");
    List<HostileCase> all = new ArrayList<>();
    Map<String, Object> bodies = new LinkedHashMap<>();
    bodies.put("/documents", map("id", "unknown-kb-doc", "text", Seed.NONCE + " for a missing knowledge base"));
    bodies.put("/ingest-jobs", map("documents", list(map("id", "unknown-kb-doc", "text", Seed.NONCE + " for a missing knowledge base"))));
    bodies.put("/search", map("query", "tides"));
    bodies.put("/query", question);
    bodies.put("/query/stream", question);
    bodies.put("/summary", map());
    bodies.put("/summary/jobs", map());
    bodies.put("/summary/stream", map());
    bodies.put("/compare", map("question", "What causes the tides?", "adapters", list()));
    bodies.forEach((suffix, body) -> all.add(new HostileCase("REST POST /no-such-kb" + suffix + ": unknown knowledge base",
        () -> Expect.problem(http.json("POST", missing + suffix, Json.write(body)), null))));
    return all;
  }
}
