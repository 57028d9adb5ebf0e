package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Json.MISSING;
import static io.augment.bootstrap.hostile.Json.list;
import static io.augment.bootstrap.hostile.Json.map;
import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;

import io.augment.bootstrap.hostile.Mutations.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Malformed requests to the OpenAI-compatible {@code /v1}: chat completions (plain and streamed) and embeddings. */
final class OpenAiCases {
  private final Http http;
  private final String kb;

  OpenAiCases(Http http, String kb) {
    this.http = http;
    this.kb = kb;
  }

  List<HostileCase> all() {
    List<HostileCase> all = new ArrayList<>(chat(false));
    all.addAll(chat(true));
    all.addAll(embeddings());
    return all;
  }

  private static Map<String, Object> user(Object content) {
    return map("role", "user", "content", content);
  }

  private List<HostileCase> chat(boolean stream) {
    Supplier<Map<String, Object>> valid = () -> map("model", "rag:" + kb, "messages", list(user("What causes the tides?")),
        "stream", stream);
    JsonCases cases = new JsonCases(http, "/v1 POST /v1/chat/completions" + (stream ? " (stream)" : ""), "POST",
        "/v1/chat/completions", Expect::openAiError);
    List<Mutation> models = new ArrayList<>(Mutations.requiredText(0));
    models.addAll(List.of(new Mutation("unknown", "gpt-nope"), new Mutation("'rag:' without a knowledge base", "rag:"),
        new Mutation("an unknown knowledge base", "rag:no-such-kb"), new Mutation("'rag:../victim'", "rag:../" + Seed.VICTIM),
        new Mutation("an unknown adapter", "adapter:none"), new Mutation("of 300 characters", "rag:" + "m".repeat(296))));
    cases.field("model", valid, models).field("messages", valid, messages());
    if (stream) {
      return cases.cases();
    }
    return cases
        .field("temperature", valid, Mutations.ratio(0, 2))
        .field("top_p", valid, List.of(new Mutation("zero", 0), new Mutation("above 1", 1.5), new Mutation("NaN", new Json.Raw("NaN"), false),
            new Mutation("a string", "abc")))
        .field("max_tokens", valid, List.of(new Mutation("a string", "abc"), new Mutation("zero", 0), new Mutation("negative", -1),
            new Mutation("past int range", new Json.Raw("2147483648"))))
        .field("max_completion_tokens", valid, List.of(new Mutation("zero", 0), new Mutation("a string", "abc")))
        .field("n", valid, List.of(new Mutation("zero", 0), new Mutation("two", 2), new Mutation("huge", Integer.MAX_VALUE),
            new Mutation("a string", "abc")))
        .field("stream", valid, Mutations.flag())
        .field("stop", valid, List.of(new Mutation("five strings", list("a", "b", "c", "d", "e")),
            new Mutation("with a null element", list("a", null)), new Mutation("an object", map("a", "b"))))
        .field("stream_options", valid, List.of(new Mutation("a string", "abc")))
        .field("retrieval", valid, Mutations.object())
        .field("retrieval.top_k", valid, List.of(new Mutation("zero", 0), new Mutation("above 100", 101), new Mutation("a string", "abc")))
        .field("retrieval.mode", valid, Mutations.enumeration())
        .field("retrieval.query_variants", valid, List.of(new Mutation("above 5", 6)))
        .field("retrieval.candidates", valid, List.of(new Mutation("zero", 0)))
        .field("retrieval.filter", valid, List.of(new Mutation("with 2000 keys", Json.manyKeys(2000, "v")),
            new Mutation("with a null condition", map("team", null)), new Mutation("with a null list element", map("team", list((Object) null)))))
        .brokenBodies("{\"model\":\"rag:" + kb + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Why tides?\"}]}", "model")
        .cases();
  }

  private static List<Mutation> messages() {
    List<Mutation> m = new ArrayList<>(List.of(new Mutation("missing", MISSING), new Mutation("null", null),
        new Mutation("empty", list()), new Mutation("an object", map("role", "user")), new Mutation("a string", "hi"),
        new Mutation("[{}]", list(map())), new Mutation("[null]", list((Object) null)),
        new Mutation("without a role", list(map("content", "Why tides?"))),
        new Mutation("with an unknown role", list(map("role", "wizard", "content", "Why tides?"))),
        new Mutation("with a null role", list(map("role", null, "content", "Why tides?"))),
        new Mutation("with an object role", list(map("role", map("a", "b"), "content", "Why tides?"))),
        new Mutation("without content", list(map("role", "user"))),
        new Mutation("with null content", list(user(null))), new Mutation("with object content", list(user(map("a", "b")))),
        new Mutation("with empty content", list(user(""))), new Mutation("with zero-width content", list(user(ZERO_WIDTH))),
        new Mutation("with content one over 10000 characters", list(user("q".repeat(10_001)))),
        new Mutation("with an image part", list(user(list(map("type", "image_url", "image_url", map("url", "http://x/y.png")))))),
        new Mutation("with a null part", list(user(list((Object) null)))),
        new Mutation("with a part without text", list(user(list(map("type", "text"))))),
        new Mutation("with deeply nested content", list(user(Json.nested(5000)))),
        new Mutation("with only a system message", list(map("role", "system", "content", "Be brief.")))));
    return m;
  }

  private List<HostileCase> embeddings() {
    Supplier<Map<String, Object>> valid = () -> map("model", "all-minilm-l6-v2", "input", "tides");
    List<Mutation> inputs = new ArrayList<>(List.of(new Mutation("missing", MISSING), new Mutation("null", null),
        new Mutation("empty", ""), new Mutation("an empty list", list()), new Mutation("a list with an empty string", list("a", "")),
        new Mutation("a list with null", list("a", null)), new Mutation("token arrays", list(list(1, 2))),
        new Mutation("a number list", list(1, 2)), new Mutation("an object", map("a", "b")),
        new Mutation("2049 inputs", Json.manyValues(2049)),
        new Mutation("one string of 150000 characters", "word ".repeat(30_000)),
        new Mutation("a list whose fourth item is 100000 characters", list("a", "b", "c", "long ".repeat(20_000)))));
    return new JsonCases(http, "/v1 POST /v1/embeddings", "POST", "/v1/embeddings", Expect::openAiError)
        .field("input", valid, inputs)
        .field("model", valid, List.of(new Mutation("unknown", "nope"), new Mutation("an object", map("a", "b"))))
        .field("encoding_format", valid, List.of(new Mutation("unknown", "hex"), new Mutation("an object", map("a", "b"))))
        .field("dimensions", valid, List.of(new Mutation("not the model's", 5), new Mutation("negative", -1),
            new Mutation("a string", "abc")))
        .brokenBodies("{\"model\":\"all-minilm-l6-v2\",\"input\":\"tides\"}", "input")
        .cases();
  }
}
