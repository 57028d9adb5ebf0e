package io.augment.application.evaluation;

import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.QuestionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A run's contender results scored from its stored per-question results, so the two always agree. */
final class RunResults {
  private RunResults() {}

  /** One result per contender in the spec's order, each keeping the cost the run was started with. */
  static List<ContenderResult> of(EvaluationRun run, List<QuestionResult> stored) {
    Map<String, ContenderCost> costs = run.results().stream()
        .collect(Collectors.toMap(ContenderResult::contender, r -> r.cost() == null ? ContenderCost.UNKNOWN : r.cost(),
            (a, b) -> a));
    Map<String, List<QuestionResult>> evaluation = by(stored, QuestionResult.EVALUATION);
    Map<String, List<QuestionResult>> control = by(stored, QuestionResult.CONTROL);
    List<ContenderResult> out = new ArrayList<>();
    for (Contender c : run.spec().contenders()) {
      String label = c.label();
      out.add(new ContenderResult(label, Scoring.aggregate(evaluation.getOrDefault(label, List.of())),
          Scoring.aggregate(control.getOrDefault(label, List.of())), costs.getOrDefault(label, ContenderCost.UNKNOWN)));
    }
    return out;
  }

  private static Map<String, List<QuestionResult>> by(List<QuestionResult> stored, String set) {
    return stored.stream().filter(r -> set.equals(r.set())).collect(Collectors.groupingBy(QuestionResult::contender));
  }
}
