package io.augment.adapter.in;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationRun;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The JSON report, the same over REST and gRPC: the run (spec, status, progress) and, per
 * contender, its measures on the evaluation set, on the control set and its cost. A null measure
 * or cost field is not recorded (absent from what produced it), never 0.
 */
public final class EvaluationReportJson {
  private EvaluationReportJson() {}

  /** The run's part of the report. */
  public record Run(
      String id, String evaluationSet, String controlSet, List<String> contenders, int topK, int maxTokens,
      String status, long done, long total, double percent, String error, Instant createdAt, Instant finishedAt) {}

  public record Report(Run run, List<ContenderResult> contenders) {}

  public static Report of(EvaluationRun r) {
    var spec = r.spec();
    Run run = new Run(r.id(), spec.evaluationSet(), spec.controlSet(),
        spec.contenders().stream().map(Contender::label).toList(), spec.topK(), spec.maxTokens(),
        r.status().name().toLowerCase(Locale.ROOT), r.progress().done(), r.progress().total(), r.progress().percent(),
        r.error(), r.createdAt(), r.finishedAt());
    return new Report(run, r.results());
  }

  /** The report as pretty-printed JSON, written by {@code json} (the application's mapper: ISO instants). */
  public static String write(ObjectMapper json, EvaluationRun run) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(of(run));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report of plain records always serialises", e);
    }
  }
}
