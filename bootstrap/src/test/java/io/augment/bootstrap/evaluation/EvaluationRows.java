package io.augment.bootstrap.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads a run's JSONL download and JSON report for tests outside this package. */
public final class EvaluationRows {
  private EvaluationRows() {}

  public static List<JsonNode> of(String ndjson) {
    return EvaluationApi.lines(ndjson);
  }

  public static JsonNode tree(String json) {
    return EvaluationApi.tree(json);
  }
}
