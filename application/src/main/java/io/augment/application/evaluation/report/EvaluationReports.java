package io.augment.application.evaluation.report;

import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.QuestionResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders an evaluation run as a Markdown report or as one self-contained HTML page (inline CSS
 * and SVG charts; no script, no external reference; XHTML-compatible, so it also parses as XML).
 *
 * <p>Both show the run's facts, every measure of every contender (accuracy, retrieval, latency,
 * tokens, forgetting, cost) with the same rounding, the given extra sections, and the results of
 * the first 50 questions (the rest are in the per-question JSONL download). A value its producer
 * did not record reads "not recorded"; a measure that does not apply to a contender (retrieval for
 * closed book, training for RAG alone) reads "n/a". Every text from the run is escaped.
 *
 * <p>Forgetting is measured against the base model: the {@code adapter:<name>} contender whose
 * model is the base model (per the adapter catalog) of the most other trained contenders in the
 * run. When no contender is, the report says "no base model listed".
 */
public final class EvaluationReports {
  private final Function<String, Optional<String>> baseModelOf;

  /** Reads each trained contender's base model from the catalog. */
  public EvaluationReports(AdapterCatalog adapters) {
    Objects.requireNonNull(adapters, "adapters");
    this.baseModelOf = name -> adapters.find(name).map(Adapter::baseModel);
  }

  private EvaluationReports(Function<String, Optional<String>> baseModelOf) {
    this.baseModelOf = baseModelOf;
  }

  /** Reports that know base models from a map of trained model name to the model it was trained from. */
  public static EvaluationReports withBaseModels(Map<String, String> baseModelByAdapter) {
    Map<String, String> copy = Map.copyOf(baseModelByAdapter);
    return new EvaluationReports(name -> Optional.ofNullable(copy.get(name)));
  }

  /**
   * The report as Markdown.
   *
   * @param results  the run's per-question results in repository order; may be empty
   * @param sections extra sections, shown after the measures in this order; may be empty
   */
  public String markdown(EvaluationRun run, List<QuestionResult> results, List<ReportSection> sections) {
    return new MarkdownReport().render(ReportModel.of(run, baseModelOf), List.copyOf(results), List.copyOf(sections));
  }

  /** The report as one self-contained HTML page; arguments as for {@link #markdown}. */
  public String html(EvaluationRun run, List<QuestionResult> results, List<ReportSection> sections) {
    return new HtmlReport().render(ReportModel.of(run, baseModelOf), List.copyOf(results), List.copyOf(sections));
  }
}
