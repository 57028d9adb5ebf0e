package io.augment.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.augment.adapter.in.rest.Dtos.ProgressJson;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON shapes of the evaluation endpoints. */
public final class EvaluationJson {
  private EvaluationJson() {}

  /**
   * An upload: {@code questions} (a list of {question, answers, documentIds}) or {@code jsonl}
   * (the same objects, one per line), not both. Read as JSON trees so the shared reader refuses
   * unknown fields the same way over every protocol.
   */
  public record SetInput(String name, String description, JsonNode questions, String jsonl) {}

  /** A set; {@code questions} (a page of them) only when one set is read. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SetJson(
      String name, String description, int questionCount, Instant createdAt, Integer offset, Integer limit,
      List<EvaluationQuestion> questions) {
    static SetJson of(EvaluationSet s) {
      return new SetJson(s.name(), s.description(), s.questions(), s.createdAt(), null, null, null);
    }

    static SetJson of(EvaluationSet s, int offset, int limit, List<EvaluationQuestion> page) {
      return new SetJson(s.name(), s.description(), s.questions(), s.createdAt(), offset, limit, page);
    }
  }

  /** {@code contenders}: rag:&lt;kb&gt;, rag:&lt;kb&gt;@&lt;generator&gt;, rag:&lt;kb&gt;+adapter:&lt;name&gt;, adapter:&lt;name&gt;, generator:&lt;id&gt;. */
  public record RunInput(String evaluationSet, String controlSet, List<String> contenders, Integer topK, Integer maxTokens) {}

  public record RunJson(
      String id, String evaluationSet, String controlSet, List<String> contenders, int topK, int maxTokens,
      String status, ProgressJson progress, List<ContenderResult> results, String error, Instant createdAt,
      Instant finishedAt, Map<String, String> links) {
    static RunJson of(EvaluationRun r) {
      var spec = r.spec();
      return new RunJson(r.id(), spec.evaluationSet(), spec.controlSet(),
          spec.contenders().stream().map(Contender::label).toList(), spec.topK(), spec.maxTokens(),
          r.status().name().toLowerCase(Locale.ROOT), ProgressJson.of(r.progress()), r.results(), r.error(),
          r.createdAt(), r.finishedAt(), links(r.id()));
    }

    private static Map<String, String> links(String id) {
      String self = "/api/v1/evaluations/" + id;
      Map<String, String> links = new LinkedHashMap<>();
      links.put("self", self);
      links.put("results", self + "/results");
      links.put("report.json", self + "/report.json");
      links.put("report.md", self + "/report.md");
      links.put("report.html", self + "/report.html");
      return links;
    }
  }
}
