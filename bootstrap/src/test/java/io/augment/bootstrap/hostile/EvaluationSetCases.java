package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Json.MISSING;
import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;

import io.augment.bootstrap.hostile.Mutations.Mutation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Malformed uploads to {@code /api/v1/evaluation-sets} (JSON questions, JSONL in JSON, multipart
 * JSONL): each must be refused naming its field (and line) and store no set ({@link EvaluationState#guard}).
 */
final class EvaluationSetCases {
  private static final String SETS = "/api/v1/evaluation-sets";
  static final String GOOD_LINE = "{\"question\":\"What causes the tides?\",\"answers\":[\"the Moon\"]}";
  private final Http http;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<HostileCase> cases = new ArrayList<>();

  EvaluationSetCases(Http http) {
    this.http = http;
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
    return cases;
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

  private void upload(String name, Multipart body, String field) {
    byte[] bytes = body.bytes();
    cases.add(new HostileCase("REST POST /evaluation-sets multipart: " + name,
        () -> Expect.problem(http.send("POST", SETS, Multipart.contentType(), bytes, Map.of()), field)));
  }

  static Map<String, Object> question(String field, Object value) {
    return Json.with(Json.map("question", "What causes the tides?", "answers", List.of("the Moon")), field, value);
  }

  private String fresh() {
    return "hostile-set-" + counter.incrementAndGet();
  }

  static String label(Object value) {
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
