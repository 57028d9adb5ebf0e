package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Json.MISSING;
import static io.augment.bootstrap.hostile.Json.list;
import static io.augment.bootstrap.hostile.Json.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.bootstrap.hostile.Mutations.Mutation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Fine-tuning requests with out-of-range hyperparameters and malformed texts. A job the server
 * wrongly accepts is cancelled at once, so the battery never trains for long.
 */
final class FineTuneCases {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Http http;
  private final AtomicInteger counter = new AtomicInteger();

  FineTuneCases(Http http) {
    this.http = http;
  }

  private Map<String, Object> full() {
    return map("name", "hft-" + counter.incrementAndGet(), "method", "full", "texts", list(Seed.NONCE + " training text"),
        "training", map("maxSteps", 1, "batchSize", 1, "sequenceLength", 8));
  }

  private Map<String, Object> lora() {
    return Json.with(Json.with(full(), "method", "lora"), "lora", map("rank", 2));
  }

  List<HostileCase> all() {
    List<Mutation> names = new ArrayList<>(Mutations.requiredText(0));
    names.addAll(List.of(new Mutation("'../evil'", "../evil"), new Mutation("with a slash", "a/b"),
        new Mutation("with NUL", "a\u0000b"), new Mutation("of 300 characters", "n".repeat(300))));
    List<Mutation> texts = List.of(new Mutation("empty", list()), new Mutation("with a null element", list("a b c", null)),
        new Mutation("a string", "abc"), new Mutation("with an empty text", list("")),
        new Mutation("one text more than allowed", Json.manyValues(
            io.augment.domain.adaptation.TrainingCorpus.MAX_TEXTS + 1)));
    Supplier<Map<String, Object>> full = this::full;
    Supplier<Map<String, Object>> lora = this::lora;
    return new JsonCases(http, "REST POST /api/v1/fine-tunes", "POST", "/api/v1/fine-tunes", this::refused)
        .field("name", full, names)
        .field("method", full, List.of(new Mutation("missing", MISSING), new Mutation("empty", ""),
            new Mutation("unknown", "psychic"), new Mutation("an object", map("a", "b"))))
        .field("baseModel", full, List.of(new Mutation("unknown", "no-such-model"), new Mutation("'../x'", "../x"),
            new Mutation("an object", map("a", "b"))))
        .field("texts", full, texts)
        .field("knowledgeBase", full, List.of(new Mutation("given with texts", Seed.KB)))
        .field("training", full, Mutations.object())
        .field("training.epochs", full, List.of(new Mutation("negative", -1), new Mutation("10^9", 1_000_000_000),
            new Mutation("a string", "abc")))
        .field("training.maxSteps", full, List.of(new Mutation("negative", -1), new Mutation("a string", "abc")))
        .field("training.batchSize", full, List.of(new Mutation("zero", 0), new Mutation("10^6", 1_000_000)))
        .field("training.sequenceLength", full, List.of(new Mutation("zero", 0), new Mutation("one", 1),
            new Mutation("10^6", 1_000_000)))
        .field("training.learningRate", full, List.of(new Mutation("zero", 0), new Mutation("negative", -1),
            new Mutation("NaN", new Json.Raw("NaN"), false), new Mutation("Infinity", new Json.Raw("Infinity"), false),
            new Mutation("\"NaN\" as a string", "NaN")))
        .field("training.seed", full, List.of(new Mutation("a string", "abc")))
        .field("lora.rank", lora, List.of(new Mutation("zero", 0), new Mutation("4096", 4096)))
        .field("lora.alpha", lora, List.of(new Mutation("-1e9", -1e9), new Mutation("NaN", new Json.Raw("NaN"), false)))
        .field("lora.dropout", lora, List.of(new Mutation("one", 1.0), new Mutation("negative", -0.1)))
        .field("lora.targetModules", lora, List.of(new Mutation("with a null element", list((Object) null)),
            new Mutation("a string", "abc")))
        .brokenBodies(Json.write(full()), "name")
        .cases();
  }

  /** Cancels a job the server started, then checks the reply was a refusal. */
  private void refused(Http.Reply reply, String field) {
    if (reply.status() == 202) {
      try {
        http.delete("/api/v1/fine-tunes/" + JSON.readTree(reply.body()).path("id").asText());
      } catch (IOException e) {
        throw new AssertionError("202 without a job id: " + reply.summary(), e);
      }
    }
    // LoRA settings may be refused for their base model before their own range: any field will do.
    Expect.problem(reply, field != null && field.startsWith("lora.") ? null : field);
  }
}
