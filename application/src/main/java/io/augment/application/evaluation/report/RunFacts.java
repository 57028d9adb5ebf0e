package io.augment.application.evaluation.report;

import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What was measured and how the run went, as label/value pairs for both renderers. */
final class RunFacts {
  record Fact(String label, String value) {}

  private RunFacts() {}

  static List<Fact> of(ReportModel model) {
    EvaluationRun run = model.run();
    EvaluationRunSpec spec = run.spec();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("run", run.id()));
    facts.add(new Fact("evaluation set", spec.evaluationSet()));
    facts.add(new Fact("control set", spec.controlSet() == null ? "none" : spec.controlSet()));
    facts.add(new Fact("contenders", spec.contenders().stream().map(Contender::label).collect(Collectors.joining(", "))));
    facts.add(new Fact("base model", model.base() == null ? "no base model listed" : model.base().label()));
    facts.add(new Fact("topK", Integer.toString(spec.topK())));
    facts.add(new Fact("maxTokens", Integer.toString(spec.maxTokens())));
    facts.add(new Fact("status", status(run)));
    facts.add(new Fact("started", run.createdAt() == null ? Format.NOT_RECORDED : run.createdAt().toString()));
    facts.add(new Fact("finished", run.finishedAt() == null ? "not finished" : run.finishedAt().toString()));
    facts.add(new Fact("duration", duration(run)));
    if (run.error() != null) {
      facts.add(new Fact("error", run.error()));
    }
    return facts;
  }

  private static String status(EvaluationRun run) {
    String status = run.status().name();
    var p = run.progress();
    if (p == null || p.total() == 0) {
      return status;
    }
    String done = String.format(java.util.Locale.ROOT, "%s, %.1f %% (%s of %s %s", status, p.percent(),
        Format.count(p.done()), Format.count(p.total()), p.unit() == null ? "answers" : p.unit());
    if (!run.status().finished() && p.eta() != null) {
      done += ", about " + Format.duration(p.eta()) + " left";
    }
    return done + ")";
  }

  private static String duration(EvaluationRun run) {
    if (run.createdAt() == null || run.finishedAt() == null) {
      return "not finished";
    }
    return Format.duration(Duration.between(run.createdAt(), run.finishedAt()));
  }
}
