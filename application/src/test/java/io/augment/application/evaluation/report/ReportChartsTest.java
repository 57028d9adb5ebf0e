package io.augment.application.evaluation.report;

import static io.augment.application.evaluation.report.ReportFixtures.BASE;
import static io.augment.application.evaluation.report.ReportFixtures.EXTRACTIVE;
import static io.augment.application.evaluation.report.ReportFixtures.FULL;
import static io.augment.application.evaluation.report.ReportFixtures.GENERATOR;
import static io.augment.application.evaluation.report.ReportFixtures.LORA;
import static io.augment.application.evaluation.report.ReportFixtures.RAG;
import static io.augment.application.evaluation.report.ReportFixtures.RAG_LORA;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationRun;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportChartsTest {
  private final EvaluationReports reports = ReportFixtures.reports();
  private final EvaluationRun run = ReportFixtures.realisticRun();

  @Test
  void eachAccuracyChartHasOnePointPerContenderThatHasTheValueAndListsTheRest() throws Exception {
    Document page = page(run);

    for (String chart : List.of("chart-params", "chart-training", "chart-artifact")) {
      assertThat(contenders(page, chart, "g")).as(chart).containsExactly(BASE, LORA, FULL, RAG, RAG_LORA, EXTRACTIVE);
      assertThat(caption(page, chart)).as(chart).contains("Not plotted (not recorded): " + GENERATOR);
    }
  }

  @Test
  void pointsSitHigherForMoreAccuracyAndFurtherRightForMoreTrainableParameters() throws Exception {
    Element chart = ReportReader.byId(page(run), "chart-params");
    List<Element> points = ReportReader.elements(chart, "g").stream().filter(g -> g.getAttribute("class").equals("point")).toList();

    List<String> byEm = run.results().stream().filter(r -> r.cost().trainableParameters() != null)
        .sorted(Comparator.comparingDouble((ContenderResult r) -> r.scores().exactMatch())).map(ContenderResult::contender).toList();
    List<String> byHeight = points.stream().sorted(Comparator.comparingDouble((Element g) -> -coordinate(g, "circle", "cy")))
        .map(g -> g.getAttribute("data-contender")).toList();
    assertThat(byHeight).isEqualTo(byEm);
    assertThat(coordinate(point(chart, FULL), "circle", "cx")).isGreaterThan(coordinate(point(chart, LORA), "circle", "cx"));
    assertThat(coordinate(point(chart, LORA), "circle", "cx")).isGreaterThan(coordinate(point(chart, RAG), "circle", "cx"));
  }

  @Test
  void ragAtZeroTrainableParametersIsDrawnHollowInItsOwnBand() throws Exception {
    Element chart = ReportReader.byId(page(run), "chart-params");

    assertThat(ReportReader.elements(point(chart, RAG), "circle").get(0).getAttribute("class")).isEqualTo("em hollow");
    assertThat(ReportReader.elements(point(chart, LORA), "circle").get(0).getAttribute("class")).isEqualTo("em");
    assertThat(ReportReader.elements(chart, "rect")).anyMatch(r -> r.getAttribute("class").equals("zero-band"));
  }

  @Test
  void forgettingChartShowsTheBaseFirstThenEachContenderWithControlScores() throws Exception {
    Document page = page(run);

    assertThat(contenders(page, "chart-forgetting", "g")).containsExactly(BASE + " (base)", LORA, FULL, RAG_LORA);
    assertThat(ReportReader.byId(page, "chart-forgetting").getTextContent())
        .contains(Format.share(run.results().get(0).control().exactMatch()));
  }

  @Test
  void withoutAControlSetTheForgettingFigureSaysSoInsteadOfDrawing() throws Exception {
    Document page = page(ReportFixtures.run(ReportFixtures.result("adapter:a", ReportFixtures.scores(0.4, 0.5), null,
        new ContenderCost(10L, 100L, 1.0, 5.0, 1L, 2L, null, null, null))));

    assertThat(ReportReader.byId(page, "chart-forgetting-figure").getTextContent()).contains("No control set in this run");
    assertThat(ReportReader.elements(ReportReader.byId(page, "chart-forgetting-figure"), "svg")).isEmpty();
  }

  @Test
  void latencyChartHasBarsForEveryContenderAndSaysWhichAreNotRecorded() throws Exception {
    EvaluationRun partly = ReportFixtures.run(
        ReportFixtures.result("adapter:done", ReportFixtures.scores(0.4, 0.5), null, ContenderCost.UNKNOWN),
        ReportFixtures.result("adapter:waiting", null, null, ContenderCost.UNKNOWN));
    Document page = page(partly);

    assertThat(contenders(page, "chart-latency", "g")).containsExactly("adapter:done", "adapter:waiting");
    Element waiting = group(ReportReader.byId(page, "chart-latency"), "adapter:waiting");
    assertThat(ReportReader.elements(waiting, "rect")).isEmpty();
    assertThat(waiting.getTextContent()).contains("not recorded");
    assertThat(ReportReader.elements(group(ReportReader.byId(page, "chart-latency"), "adapter:done"), "rect")).hasSize(2);
  }

  @Test
  void oneContenderAllZeroValuesAndVeryLongNamesStillDrawReadableCharts() throws Exception {
    String longName = "rag:" + "a-knowledge-base-with-an-extremely-long-name-".repeat(6) + "end";
    EvaluationRun zeros = ReportFixtures.run(ReportFixtures.result(longName,
        new io.augment.domain.evaluation.Scores(3, 0, 0, 0, 0.0, 0.0, 0.0, 0, 0, 0, 0), null,
        new ContenderCost(0L, 0L, 0.0, 0.0, 0L, 0L, 0L, 0L, 0L)));

    String html = reports.html(zeros, List.of(), List.of());
    Document page = ReportReader.xml(html);

    assertThat(html).doesNotContain("NaN", "Infinity");
    for (String chart : List.of("chart-params", "chart-training", "chart-artifact", "chart-latency")) {
      assertThat(contenders(page, chart, "g")).as(chart).containsExactly(longName);
      Element label = ReportReader.elements(group(ReportReader.byId(page, chart), longName), "text").get(0);
      assertThat(label.getTextContent()).as(chart).endsWith("\u2026").hasSizeLessThan(45);
      assertThat(ReportReader.elements(group(ReportReader.byId(page, chart), longName), "title").get(0).getTextContent()).startsWith(longName);
    }
  }

  private Document page(EvaluationRun r) throws Exception {
    return ReportReader.xml(reports.html(r, List.of(), List.of()));
  }

  private static List<String> contenders(Document page, String chart, String tag) {
    return ReportReader.elements(ReportReader.byId(page, chart), tag).stream().map(g -> g.getAttribute("data-contender"))
        .filter(s -> !s.isEmpty()).toList();
  }

  private static String caption(Document page, String chart) {
    return ReportReader.elements(ReportReader.byId(page, chart + "-figure"), "figcaption").get(0).getTextContent();
  }

  private static Element point(Element chart, String contender) {
    return group(chart, contender);
  }

  private static Element group(Element chart, String contender) {
    return ReportReader.elements(chart, "g").stream().filter(g -> g.getAttribute("data-contender").equals(contender)).findFirst().orElseThrow();
  }

  private static double coordinate(Element g, String tag, String attribute) {
    return Double.parseDouble(ReportReader.elements(g, tag).get(0).getAttribute(attribute));
  }
}
