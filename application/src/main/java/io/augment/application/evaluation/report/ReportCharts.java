package io.augment.application.evaluation.report;

import io.augment.domain.evaluation.ContenderCost;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The HTML report's charts, each with the contenders it could not plot because a value was not recorded. */
final class ReportCharts {
  /** @param svg the chart, or null when there is nothing to draw ({@code caption} says why) */
  record Figure(String id, String svg, String caption, List<String> notPlotted) {}

  private final ReportModel model;

  ReportCharts(ReportModel model) {
    this.model = model;
  }

  List<Figure> figures() {
    return List.of(
        scatter("chart-params", "Accuracy against trainable parameters", "trainable parameters",
            "0 trained", Format::compact, ContenderCost::trainableParameters),
        scatter("chart-training", "Accuracy against training time", "training seconds",
            "0 trained", Format::compact, c -> c.trainingSeconds()),
        scatter("chart-artifact", "Accuracy against artifact size", "artifact bytes",
            "no artifact", v -> Format.bytes((long) v), ContenderCost::artifactBytes),
        forgetting(),
        latency());
  }

  private Figure scatter(String id, String title, String axis, String zeroLabel, java.util.function.DoubleFunction<String> tick,
      Function<ContenderCost, Number> cost) {
    List<ScatterChart.Point> points = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ContenderRow row : model.rows()) {
      Number x = cost.apply(row.cost());
      if (x == null && row.ragAlone()) {
        x = 0; // RAG alone trains nothing and stores no trained artifact
      }
      if (x == null || row.scores() == null || x.doubleValue() < 0) {
        missing.add(row.label());
      } else {
        points.add(new ScatterChart.Point(row.label(), x.doubleValue(), row.scores().exactMatch(), row.scores().f1()));
      }
    }
    String caption = "Exact match and F1 on the evaluation set against " + axis + ". Contenders that train nothing "
        + "(RAG alone) are drawn hollow at 0, left of the axis break.";
    return new Figure(id, points.isEmpty() ? null : ScatterChart.render(id, title, axis, zeroLabel, tick, points), caption, missing);
  }

  private Figure forgetting() {
    String title = "Forgetting: accuracy on the control set";
    if (!model.hasControlSet()) {
      return new Figure("chart-forgetting", null, "No control set in this run: forgetting was not measured.", List.of());
    }
    List<BarChart.Bars> bars = new ArrayList<>();
    for (ContenderRow row : model.controlRows()) {
      String label = model.isBase(row) ? row.label() + " (base)" : row.label();
      bars.add(new BarChart.Bars(label, row.control().exactMatch(), row.control().f1()));
    }
    List<String> missing = model.rows().stream().filter(r -> r.trained() && r.control() == null).map(ContenderRow::label).toList();
    String base = model.base() == null ? "No base model listed: the bars cannot be read against one."
        : "The base model " + model.base().label() + " comes first; a trained contender that scores lower than it has forgotten.";
    return new Figure("chart-forgetting", bars.isEmpty() ? null
        : BarChart.render("chart-forgetting", title, "exact match", "F1", 1, Format::share, bars),
        "Exact match and F1 on the control set " + model.run().spec().controlSet() + ". " + base, missing);
  }

  private Figure latency() {
    List<BarChart.Bars> bars = new ArrayList<>();
    for (ContenderRow row : model.rows()) {
      bars.add(row.scores() == null ? new BarChart.Bars(row.label(), null, null)
          : new BarChart.Bars(row.label(), row.scores().latencyP50Ms(), row.scores().latencyP95Ms()));
    }
    List<String> missing = model.rows().stream().filter(r -> r.scores() == null).map(ContenderRow::label).toList();
    return new Figure("chart-latency", BarChart.render("chart-latency", "Latency per answer (ms)", "p50", "p95", 0,
        v -> Format.decimal(v), bars), "Median and 95th percentile milliseconds per answer on the evaluation set.", missing);
  }
}
