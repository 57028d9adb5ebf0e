package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Json.MISSING;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.bootstrap.hostile.Mutations.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Malformed requests to {@code /api/v1/evaluations} (start, pages, ids in paths, unknown runs): each
 * must be refused naming its field and start no run ({@link EvaluationState#guard}).
 */
final class EvaluationRunCases {
  private static final String SETS = "/api/v1/evaluation-sets";
  private static final String RUNS = "/api/v1/evaluations";
  private final Http http;
  private final String kb;
  private final List<HostileCase> cases = new ArrayList<>();

  EvaluationRunCases(Http http, String kb) {
    this.http = http;
    this.kb = kb;
  }

  List<HostileCase> all() {
    runs();
    reads();
    return cases;
  }

  /**
   * The valid requests the cases mutate are accepted (a set stored, a run started), so that a
   * case's refusal is its mutation's doing; both are removed again.
   */
  static void basesAreAccepted(Http http, String kb) {
    EvaluationState.plant(http);
    Http.Reply set = http.json("POST", SETS, Json.write(Json.map("name", "hostile-base", "questions",
        List.of(EvaluationSetCases.question("documentIds", List.of("tides"))))));
    assertThat(set.status()).as(set.summary()).isEqualTo(201);
    assertThat(http.delete(SETS + "/hostile-base").status()).isEqualTo(204);
    Http.Reply run = http.json("POST", RUNS, Json.write(Json.map("evaluationSet", EvaluationState.SET,
        "contenders", List.of("rag:" + kb + "@extractive"), "topK", 5, "maxTokens", 64)));
    assertThat(run.status()).as(run.summary()).isEqualTo(202);
    String id = run.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    assertThat(http.delete(RUNS + "/" + id).status()).isEqualTo(204);
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

  private List<Object> seventeen() {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      out.add("rag:" + kb + "@g" + i);
    }
    return out;
  }

  private static String label(Object value) {
    return EvaluationSetCases.label(value);
  }
}
