package io.augment.application.evaluation.report;

import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run read for reporting: one row per contender, and which contender is the base model that
 * forgetting is measured against. Both renderers read it, so they show the same thing.
 *
 * @param base the control contender: the {@code adapter:<name>} contender whose model is the base
 *             model of the most other trained contenders, or null when none is
 */
record ReportModel(EvaluationRun run, List<ContenderRow> rows, ContenderRow base) {

  static ReportModel of(EvaluationRun run, Function<String, Optional<String>> baseModelOf) {
    Objects.requireNonNull(run, "run");
    List<ContenderRow> rows = new ArrayList<>();
    for (ContenderResult result : run.results()) {
      var contender = ContenderRow.parse(result.contender());
      String adapter = contender == null ? null : contender.adapter();
      String baseModel = adapter == null ? null : baseModelOf.apply(adapter).filter(b -> !b.equals(adapter)).orElse(null);
      rows.add(new ContenderRow(result, contender, baseModel));
    }
    return new ReportModel(run, List.copyOf(rows), findBase(rows));
  }

  private static ContenderRow findBase(List<ContenderRow> rows) {
    ContenderRow best = null;
    long bestCount = 0;
    for (ContenderRow candidate : rows) {
      String model = candidate.closedBookModel();
      if (model == null) {
        continue;
      }
      long count = rows.stream().filter(r -> model.equals(r.baseModel())).count();
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  boolean isBase(ContenderRow row) {
    return base != null && base == row;
  }

  boolean hasControlSet() {
    return run.spec().controlSet() != null;
  }

  /**
   * Whether forgetting of {@code row} can be read against the base: it was trained from it, or it is
   * RAG read by the base model itself (what retrieved passages do to what the model knew).
   */
  boolean comparableToBase(ContenderRow row) {
    if (base == null) {
      return false;
    }
    String model = base.closedBookModel();
    return model.equals(row.baseModel())
        || row.contender() != null && row.contender().rag() && model.equals(row.contender().adapter());
  }

  /** Rows with control-set scores, the base first (the forgetting chart's bars). */
  List<ContenderRow> controlRows() {
    List<ContenderRow> out = new ArrayList<>();
    if (base != null && base.control() != null) {
      out.add(base);
    }
    rows.stream().filter(r -> r.control() != null && !isBase(r)).forEach(out::add);
    return out;
  }
}
