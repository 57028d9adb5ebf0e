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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Malformed JSON requests to every writing or searching REST endpoint, field by field. */
final class RestCases {
  private static final String KBS = "/api/v1/knowledge-bases";
  private final Http http;
  private final String kb;
  private final AtomicInteger counter = new AtomicInteger();

  RestCases(Http http, String kb) {
    this.http = http;
    this.kb = kb;
  }

  List<HostileCase> all() {
    List<HostileCase> all = new ArrayList<>();
    all.addAll(createKnowledgeBase());
    all.addAll(ingestDocument());
    all.addAll(ingestJob());
    all.addAll(search("search", KBS + "/" + kb + "/search", "query"));
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

  private List<HostileCase> createKnowledgeBase() {
    Supplier<Map<String, Object>> valid = () -> map("name", "hk-" + counter.incrementAndGet(), "description", "hostile");
    List<Mutation> names = new ArrayList<>(Mutations.requiredText(63));
    names.addAll(List.of(new Mutation("uppercase", "Hostile"), new Mutation("with a slash", "a/b"),
        new Mutation("'..'", ".."), new Mutation("with NUL", "a\u0000b")));
    List<Mutation> chunkSize = List.of(new Mutation("a string", "abc"), new Mutation("zero", 0), new Mutation("negative", -1),
        new Mutation("below 16", 15), new Mutation("huge", Integer.MAX_VALUE), new Mutation("past int range", new Json.Raw("2147483648")));
    List<Mutation> overlap = List.of(new Mutation("a string", "abc"), new Mutation("negative", -1),
        new Mutation("half the chunk size", 100), new Mutation("huge", Integer.MAX_VALUE));
    return endpoint("create knowledge base", KBS)
        .field("name", valid, names)
        .body("name taken (409, nothing replaced)", Json.with(valid.get(), "name", kb), null)
        .field("description", valid, Mutations.optionalText(10_000))
        .field("embeddingModel", valid, List.of(new Mutation("unknown", "no-such-model"), new Mutation("an object", Map.of("a", "b"))))
        .field("chunkSizeTokens", valid, chunkSize)
        .field("chunkOverlapTokens", valid, overlap)
        .field("retrievalMode", valid, Mutations.enumeration())
        .brokenBodies(Json.write(valid.get()), "name")
        .cases();
  }

  private Map<String, Object> document() {
    int n = counter.incrementAndGet();
    return map("id", "hd-" + n, "title", "Hostile " + n, "text", Seed.NONCE + " hostile text " + n,
        "mediaType", "text/plain", "metadata", map("team", "red"));
  }

  private List<HostileCase> ingestDocument() {
    List<Mutation> ids = new ArrayList<>(Mutations.optionalText(200));
    ids.addAll(List.of(new Mutation("'..'", ".."), new Mutation("'.'", "."), new Mutation("'../victim'", "../" + Seed.VICTIM),
        new Mutation("with a slash", "a/b"), new Mutation("with a backslash", "a\\b"), new Mutation("with '#'", "a#b"),
        new Mutation("with NUL", "a\u0000b"), new Mutation("zero-width only", ZERO_WIDTH), new Mutation("starting with '-'", "-x")));
    List<Mutation> texts = new ArrayList<>(Mutations.requiredText(0));
    texts.add(new Mutation("over the document limit (150000 bytes)", "y ".repeat(75_001)));
    List<Mutation> metadata = new ArrayList<>(Mutations.object());
    metadata.addAll(List.of(new Mutation("with a null value", map("team", null)),
        new Mutation("with an empty key", map("", "v")), new Mutation("with a 256-character key", map("k".repeat(256), "v")),
        new Mutation("with a value one over 10000 characters", map("team", "v".repeat(10_001))),
        new Mutation("with an object value", map("team", map("a", "b"))), new Mutation("with a list value", map("team", list("a"))),
        new Mutation("with 2000 keys", manyKeys(2000, "v")),
        new Mutation("with deeply nested values", map("team", Json.nested(5000)))));
    return endpoint("ingest document", KBS + "/" + kb + "/documents")
        .field("id", this::document, ids)
        .field("title", this::document, Mutations.optionalText(2000))
        .field("text", this::document, texts)
        .field("mediaType", this::document, List.of(new Mutation("image/png", "image/png"), new Mutation("not a media type", "bogus"),
            new Mutation("over 255 characters", "text/" + "x".repeat(251)), new Mutation("an object", Map.of("a", "b"))))
        .field("metadata", this::document, metadata)
        .brokenBodies(Json.write(document()), "text")
        .cases();
  }

  private List<HostileCase> ingestJob() {
    Supplier<Map<String, Object>> valid = () -> map("documents", list(document()));
    Map<String, Object> longTitle = Json.with(document(), "title", "t".repeat(2001));
    Map<String, Object> nullValue = Json.with(document(), "metadata", map("team", null));
    Map<String, Object> twice = document();
    List<Mutation> documents = List.of(new Mutation("missing", MISSING), new Mutation("null", null), new Mutation("empty", list()),
        new Mutation("an object", map("a", "b")), new Mutation("with a null element", list(document(), null)),
        new Mutation("with an empty document", list(map())), new Mutation("with a blank text", list(Json.with(document(), "text", " "))),
        new Mutation("with a title one over 2000 characters", list(document(), longTitle)),
        new Mutation("with a null metadata value", list(document(), nullValue)),
        new Mutation("with a document id given twice", list(twice, twice)),
        new Mutation("with id '..'", list(Json.with(document(), "id", ".."))));
    return new JsonCases(http, "REST POST {kb}/ingest-jobs", "POST", KBS + "/" + kb + "/ingest-jobs", this::jobRefused)
        .field("documents", valid, documents)
        .brokenBodies(Json.write(map("documents", list(map("text", Seed.NONCE)))), "text")
        .cases();
  }

  /** Waits for a job the server wrongly accepted, so that what it writes is blamed on this case. */
  private void jobRefused(Http.Reply reply, String field) {
    if (reply.status() == 202) {
      IngestJobsWait.untilIdle(http);
    }
    Expect.problem(reply, field);
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
        new Mutation("with 2000 keys", manyKeys(2000, "v")),
        new Mutation("with 5000 values under one key", map("team", manyValues(5000))),
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
        .field("filter", valid, List.of(new Mutation("with 2000 keys", manyKeys(2000, "v"))))
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
            new Mutation("with a blank name", list(" ")), new Mutation("with 1000 names", manyValues(1000))))
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
    bodies.put("/documents", document());
    bodies.put("/ingest-jobs", map("documents", list(document())));
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

  static Map<String, Object> manyKeys(int count, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      map.put("k" + i, value);
    }
    return map;
  }

  static List<Object> manyValues(int count) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add("v" + i);
    }
    return values;
  }
}
