package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Json.MISSING;
import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.bootstrap.hostile.Mutations.Mutation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Malformed requests to {@code /api/v1/evaluation-sets} (JSON, JSONL in JSON, multipart JSONL) and
 * {@code /api/v1/evaluations}: each must be refused naming its field and must store no set and
 * start no run ({@link EvaluationState}).
 */
final class EvaluationCases {
  private static final String SETS = "/api/v1/evaluation-sets";
  private static final String RUNS = "/api/v1/evaluations";
  private static final String GOOD_LINE = "{\"question\":\"What causes the tides?\",\"answers\":[\"the Moon\"]}";
  private final Http http;
  private final String kb;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<HostileCase> cases = new ArrayList<>();

  EvaluationCases(Http http, String kb) {
    this.http = http;
    this.kb = kb;
  }

  List<HostileCase> all() {
    JsonCases sets = new JsonCases(http, "REST POST /evaluation-sets", "POST", SETS, Expect::problem);
    Supplier<Map<String, Object>> set = () -> Json.map("name", fresh(), "description", "d",
        "questions", List.of(question("documentIds", List.of("tides"))));
    List<Mutation> names = new ArrayList<>(Mutations.requiredText(63));
    names.addAll(List.of(new Mutation("'../x'", "../x"), new Mutation("upper case", "Set"), new Mutation("a space", "a b")));
    sets.field("name", set, names).field("description", set, Mutations.optionalText(10_000));
    sets.body("neither questions nor jsonl", Json.map("name", fresh()), "questions");
    sets.body("both questions and jsonl", Json.with(set.get(), "jsonl", GOOD_LINE), "questions");
    for (Object bad : List.of(List.of(), "text", Map.of("a", "b"), Json.list((Object) null), List.of(42))) {
      sets.body("questions " + label(bad), Json.with(set.get(), "questions", bad), "questions");
    }
    questionFields(sets, set);
    jsonl(sets);
    sets.brokenBodies("{\"name\":\"b-" + counter.incrementAndGet() + "\",\"jsonl\":\"" + GOOD_LINE.replace("\"", "\\\"") + "\"}", "name");
    cases.addAll(sets.cases());
    multipart();
    runs();
    reads();
    return guarded(http, cases);
  }

  /**
   * The valid requests the cases mutate are accepted (a set stored, a run started), so that a
   * case's refusal is its mutation's doing; both are removed again.
   */
  static void validBasesAreAccepted(Http http, String kb) {
    EvaluationState.plant(http);
    Http.Reply set = http.json("POST", SETS, Json.write(Json.map("name", "hostile-base", "questions",
        List.of(question("documentIds", List.of("tides"))))));
    assertThat(set.status()).as(set.summary()).isEqualTo(201);
    assertThat(http.delete(SETS + "/hostile-base").status()).isEqualTo(204);
    Http.Reply run = http.json("POST", RUNS, Json.write(Json.map("evaluationSet", EvaluationState.SET,
        "contenders", List.of("rag:" + kb + "@extractive"), "topK", 5, "maxTokens", 64)));
    assertThat(run.status()).as(run.summary()).isEqualTo(202);
    String id = run.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    assertThat(http.delete(RUNS + "/" + id).status()).isEqualTo(204);
  }

  /** Each case also checks that the evaluation state is unchanged, with the seeded set planted first. */
  static List<HostileCase> guarded(Http http, List<HostileCase> cases) {
    return cases.stream().map(c -> new HostileCase(c.name(), () -> {
      c.prepare().run();
      EvaluationState.plant(http);
    }, () -> EvaluationState.unchangedBy(http, c.check()))).toList();
  }

  private void questionFields(JsonCases sets, Supplier<Map<String, Object>> set) {
    Map<String, Object> bad = Json.map(
        "question", List.of(MISSING, "", "   ", ZERO_WIDTH, "q".repeat(10_001), Map.of("a", "b"), 42),
        "answers", List.of(MISSING, List.of(), "the Moon", Json.list((Object) null), List.of(42), List.of(""),
            List.of(ZERO_WIDTH), List.of("a".repeat(2_001)), Json.manyValues(33)),
        "documentIds", List.of("tides", List.of("../x"), List.of("a/b"), Json.list((Object) null), List.of("x".repeat(201)),
            Json.manyValues(33), List.of(42)),
        "colour", List.of("red"));
    bad.forEach((field, values) -> ((List<?>) values).forEach(value -> sets.body("questions[0]." + field + " " + label(value),
        Json.with(set.get(), "questions", List.of(question(field, value))), "questions[0]." + field)));
  }

  private void jsonl(JsonCases sets) {
    List<String[]> lines = List.of(
        new String[] {"line 2 cut short", GOOD_LINE + "\n{\"question\":"},
        new String[] {"line 3 an array after a blank line", GOOD_LINE + "\n\n[1, 2]"},
        new String[] {"a string line", "\"text\""}, new String[] {"a number line", "42"}, new String[] {"a null line", "null"},
        new String[] {"a duplicate key", "{\"question\":\"a\",\"question\":\"b\",\"answers\":[\"x\"]}"},
        new String[] {"trailing garbage", GOOD_LINE + " x"}, new String[] {"two objects on a line", GOOD_LINE + GOOD_LINE},
        new String[] {"an unknown field", "{\"question\":\"q\",\"answers\":[\"a\"],\"score\":1}"},
        new String[] {"no answers on line 2", GOOD_LINE + "\n{\"question\":\"q\"}"},
        new String[] {"only blank lines", "\n \n\t\n"}, new String[] {"empty", ""},
        new String[] {"10001 questions (over the body limit too)", (GOOD_LINE + "\n").repeat(10_001)});
    for (String[] line : lines) {
      sets.body("jsonl " + line[0], Json.map("name", fresh(), "jsonl", line[1]), "jsonl");
    }
    sets.body("jsonl a number", Json.map("name", fresh(), "jsonl", 42), "jsonl");
  }

  private void multipart() {
    byte[] good = GOOD_LINE.getBytes(StandardCharsets.UTF_8);
    upload("no file part", new Multipart().field("name", fresh()), "file");
    upload("no name", new Multipart().file("set.jsonl", "application/x-ndjson", good), "name");
    upload("name '../x'", new Multipart().file("set.jsonl", null, good).field("name", "../x"), "name");
    upload("an empty file", new Multipart().file("set.jsonl", null, new byte[0]).field("name", fresh()), "file");
    upload("a file that is not UTF-8", new Multipart().file("set.jsonl", null, new byte[] {'{', (byte) 0xC3, 0x28, (byte) 0xFF, '}'})
        .field("name", fresh()), "file");
    upload("a bad line 2", new Multipart().file("set.jsonl", null, (GOOD_LINE + "\n{oops}").getBytes(StandardCharsets.UTF_8))
        .field("name", fresh()), "file");
    upload("description over 10000", new Multipart().file("set.jsonl", null, good).field("name", fresh())
        .field("description", "d".repeat(10_001)), "description");
  }

  private void runs() {
    JsonCases runs = new JsonCases(http, "REST POST /evaluations", "POST", RUNS, Expect::problem);
    Supplier<Map<String, Object>> run = () -> Json.map("evaluationSet", EvaluationState.SET,
        "contenders", List.of("rag:" + kb + "@extractive"), "topK", 5, "maxTokens", 64);
    List<Mutation> setNames = new ArrayList<>(Mutations.requiredText(63));
    setNames.addAll(List.of(new Mutation("'../x'", "../x"), new Mutation("unknown", "no-such-set")));
    runs.field("evaluationSet", run, setNames);
    runs.field("controlSet", run, List.of(new Mutation("'../x'", "../x"), new Mutation("unknown", "no-such-set"),
        new Mutation("an object", Map.of("a", "b"))));
    List<Mutation> contenders = new ArrayList<>(List.of(new Mutation("missing", MISSING), new Mutation("null", null),
        new Mutation("empty", List.of()), new Mutation("a string", "rag:" + kb), new Mutation("17 of them", seventeen()),
        new Mutation("the same twice", List.of("rag:" + kb, "rag:" + kb)), new Mutation("[null]", Json.list((Object) null)),
        new Mutation("[42]", List.of(42))));
    for (String c : List.of("", "bogus", "gpt:4", "rag:", "adapter:", "generator:", "rag:" + kb + "@", "rag:+adapter:x",
        "rag:" + kb + "+adapter:", "x".repeat(301), "rag:no-such-kb", "rag:%2e%2e", "generator:no-such-generator",
        "adapter:no-such-model", "adapter:x@extractive")) {
      contenders.add(new Mutation("[" + label(c) + "]", List.of(c)));
    }
    runs.field("contenders", run, contenders).field("topK", run, Mutations.count(1, 100))
        .field("maxTokens", run, Mutations.count(1, 1024));
    runs.brokenBodies("{\"evaluationSet\":\"" + EvaluationState.SET + "\",\"contenders\":[\"rag:" + kb + "\"]}", "evaluationSet");
    cases.addAll(runs.cases());
  }

  private void reads() {
    for (String query : List.of("offset=-1", "offset=abc", "limit=0", "limit=1001", "limit=2147483648")) {
      get("GET /evaluation-sets/{name}?" + query, "GET", SETS + "/" + EvaluationState.SET + "?" + query,
          query.substring(0, query.indexOf('=')));
    }
    for (String id : List.of("%2e%2e", "..", ".%2E", "a%2Fb", "a%5Cb", "a%00b", "%2e%2e%2Fknowledge-bases%2F" + kb)) {
      get("GET /evaluation-sets/" + id, "GET", SETS + "/" + id, null);
      get("DELETE /evaluation-sets/" + id, "DELETE", SETS + "/" + id, null);
      for (String suffix : List.of("", "/results", "/report.html")) {
        get("GET /evaluations/" + id + suffix, "GET", RUNS + "/" + id + suffix, null);
      }
      get("DELETE /evaluations/" + id, "DELETE", RUNS + "/" + id, null);
      get("POST /evaluations/" + id + "/cancel", "POST", RUNS + "/" + id + "/cancel", null);
    }
    for (String path : List.of(RUNS + "/no-such-run", RUNS + "/no-such-run/report.md", SETS + "/no-such-set")) {
      get("GET " + path, "GET", path, null);
    }
    get("DELETE " + SETS + "/no-such-set", "DELETE", SETS + "/no-such-set", null);
    get("POST " + RUNS + "/no-such-run/cancel", "POST", RUNS + "/no-such-run/cancel", null);
  }

  private void get(String name, String method, String path, String field) {
    cases.add(new HostileCase("REST " + name, () -> Expect.problem(http.send(method, path, null, null, Map.of()), field)));
  }

  private void upload(String name, Multipart body, String field) {
    byte[] bytes = body.bytes();
    cases.add(new HostileCase("REST POST /evaluation-sets multipart: " + name,
        () -> Expect.problem(http.send("POST", SETS, Multipart.contentType(), bytes, Map.of()), field)));
  }

  private static Map<String, Object> question(String field, Object value) {
    return Json.with(Json.map("question", "What causes the tides?", "answers", List.of("the Moon")), field, value);
  }

  private List<Object> seventeen() {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      out.add("rag:" + kb + "@g" + i);
    }
    return out;
  }

  private String fresh() {
    return "hostile-set-" + counter.incrementAndGet();
  }

  private static String label(Object value) {
    String text = String.valueOf(value);
    if (value == MISSING) {
      return "missing";
    }
    if (text.length() > 40) {
      return "of " + text.length() + " characters";
    }
    return "'" + text.replace("\u0000", "\\0").replaceAll("[\u200b\u200c\u200d\ufeff]", "\\\\u200b") + "'";
  }
}
