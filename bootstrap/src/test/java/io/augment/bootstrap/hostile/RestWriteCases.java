package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Json.MISSING;
import static io.augment.bootstrap.hostile.Json.list;
import static io.augment.bootstrap.hostile.Json.map;
import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;

import io.augment.bootstrap.hostile.Mutations.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Malformed JSON requests that try to write over REST: knowledge bases, documents and ingest jobs, field by field. */
final class RestWriteCases {
  private static final String KBS = "/api/v1/knowledge-bases";
  private final Http http;
  private final String kb;
  private final AtomicInteger counter = new AtomicInteger();

  RestWriteCases(Http http, String kb) {
    this.http = http;
    this.kb = kb;
  }

  List<HostileCase> all() {
    List<HostileCase> all = new ArrayList<>(createKnowledgeBase());
    all.addAll(ingestDocument());
    all.addAll(ingestJob());
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
  /** A valid document whose text carries the nonce. */
  Map<String, Object> document() {
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
        new Mutation("with 2000 keys", Json.manyKeys(2000, "v")),
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
}
