package io.augment.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored evaluation sets (name and question count) and runs (ids), read before and after
 * each evaluation case: a refused request must not store a set or start a run. Also plants the
 * set that run requests name.
 */
record EvaluationState(List<String> sets, List<String> runs) {
  /** The set every run case names; it holds questions about the seeded documents. */
  static final String SET = "hostile-set";
  private static final ObjectMapper JSON = new ObjectMapper();

  static EvaluationState read(Http http) {
    List<String> sets = new ArrayList<>();
    parse(http.get("/api/v1/evaluation-sets")).forEach(s -> sets.add(s.path("name").asText() + "/" + s.path("questionCount")));
    List<String> runs = new ArrayList<>();
    parse(http.get("/api/v1/evaluations")).forEach(r -> runs.add(r.path("id").asText()));
    return new EvaluationState(sets, runs);
  }

  /** Runs {@code check}, then fails if a set or run appeared or vanished across it. */
  static void unchangedBy(Http http, Runnable check) {
    EvaluationState before = read(http);
    check.run();
    assertThat(read(http)).as("evaluation sets and runs after a refused request").isEqualTo(before);
  }

  /** Each case also checks that the evaluation state is unchanged, with the seeded set planted first. */
  static List<HostileCase> guard(Http http, List<HostileCase> cases) {
    return cases.stream().map(c -> new HostileCase(c.name(), () -> {
      c.prepare().run();
      plant(http);
    }, () -> unchangedBy(http, c.check()))).toList();
  }

  /** Stores {@link #SET} unless it is there. */
  static void plant(Http http) {
    if (http.get("/api/v1/evaluation-sets/" + SET).status() == 404) {
      String jsonl = "{\"question\":\"What causes the tides?\",\"answers\":[\"the Moon\"],\"documentIds\":[\"tides\"]}\n"
          + "{\"question\":\"Why does bread rise?\",\"answers\":[\"yeast\"]}";
      Http.Reply reply = http.json("POST", "/api/v1/evaluation-sets", Json.write(Json.map("name", SET, "jsonl", jsonl)));
      assertThat(reply.status()).as(reply.summary()).isEqualTo(201);
    }
  }

  private static JsonNode parse(Http.Reply reply) {
    assertThat(reply.status()).as(reply.summary()).isEqualTo(200);
    try {
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
