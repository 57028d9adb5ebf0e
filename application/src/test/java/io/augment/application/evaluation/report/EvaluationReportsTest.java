package io.augment.application.evaluation.report;

import static io.augment.application.evaluation.report.ReportFixtures.BASE;
import static io.augment.application.evaluation.report.ReportFixtures.FULL;
import static io.augment.application.evaluation.report.ReportFixtures.GENERATOR;
import static io.augment.application.evaluation.report.ReportFixtures.LORA;
import static io.augment.application.evaluation.report.ReportFixtures.RAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.evaluation.Scores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class EvaluationReportsTest {
  /** Every measure a report must show: table title, column header, and the value it must equal. */
  private record Measure(String table, String header, Function<ContenderResult, Number> value) {}

  private static final List<Measure> MEASURES = List.of(
      new Measure("Accuracy", "questions", r -> r.scores().questions()),
      new Measure("Accuracy", "exact match", r -> r.scores().exactMatch()),
      new Measure("Accuracy", "F1", r -> r.scores().f1()),
      new Measure("Accuracy", "contains answer", r -> r.scores().contains()),
      new Measure("Accuracy", "recall@5", r -> r.scores().recallAtK()),
      new Measure("Accuracy", "MRR", r -> r.scores().mrr()),
      new Measure("Accuracy", "cites gold", r -> r.scores().citesGold()),
      new Measure("Speed and tokens", "latency p50 ms", r -> r.scores().latencyP50Ms()),
      new Measure("Speed and tokens", "latency p95 ms", r -> r.scores().latencyP95Ms()),
      new Measure("Speed and tokens", "tokens in", r -> r.scores().tokensIn()),
      new Measure("Speed and tokens", "tokens out", r -> r.scores().tokensOut()),
      new Measure("Forgetting", "control exact match", r -> r.control() == null ? null : r.control().exactMatch()),
      new Measure("Forgetting", "control F1", r -> r.control() == null ? null : r.control().f1()),
      new Measure("Cost", "trainable params", r -> r.cost().trainableParameters()),
      new Measure("Cost", "total params", r -> r.cost().totalParameters()),
      new Measure("Cost", "trainable share", r -> share(r.cost())),
      new Measure("Cost", "training s", r -> r.cost().trainingSeconds()),
      new Measure("Cost", "training tokens/s", r -> r.cost().trainingTokensPerSecond()),
      new Measure("Cost", "peak memory", r -> r.cost().peakMemoryBytes()),
      new Measure("Cost", "artifact", r -> r.cost().artifactBytes()),
      new Measure("Cost", "ingest ms", r -> r.cost().ingestMillis()),
      new Measure("Cost", "index", r -> r.cost().indexBytes()),
      new Measure("Cost", "chunks", r -> r.cost().chunks()));

  private final EvaluationRun run = ReportFixtures.realisticRun();
  private final List<QuestionResult> results = ReportFixtures.realisticResults();
  private final EvaluationReports reports = ReportFixtures.reports();

  @Test
  void markdownShowsEveryMeasureOfEveryContenderEqualToTheRunsScores() {
    String md = reports.markdown(run, results, List.of());

    assertEveryMeasure(title -> ReportReader.markdownTable(md, title));
  }

  @Test
  void htmlShowsEveryMeasureOfEveryContenderEqualToTheRunsScores() throws Exception {
    Document page = ReportReader.xml(reports.html(run, results, List.of()));

    assertEveryMeasure(title -> ReportReader.htmlTable(page, title));
  }

  @Test
  void markdownAndHtmlRoundEveryValueTheSameWay() throws Exception {
    String md = reports.markdown(run, results, List.of());
    Document page = ReportReader.xml(reports.html(run, results, List.of()));

    for (String title : List.of("Accuracy", "Speed and tokens", "Forgetting", "Cost", "Per-question results")) {
      if (title.startsWith("Per-question")) {
        assertThat(ReportReader.markdownTable(md, title).keySet()).isEqualTo(ReportReader.htmlTable(page, title).keySet());
      } else {
        assertThat(ReportReader.markdownTable(md, title)).as(title).isEqualTo(ReportReader.htmlTable(page, title));
      }
    }
  }

  @Test
  void forgettingIsTheControlScoreMinusTheBaseModelsAndTheBaseIsNamed() {
    String md = reports.markdown(run, results, List.of());
    Map<String, Map<String, String>> forgetting = ReportReader.markdownTable(md, "Forgetting");
    Scores base = contender(BASE).control();

    for (String trained : List.of(LORA, FULL)) {
      Scores control = contender(trained).control();
      assertThat(number(forgetting.get(trained).get("exact match vs base")))
          .isCloseTo(control.exactMatch() - base.exactMatch(), within(0.0005 + 1e-9));
      assertThat(number(forgetting.get(trained).get("F1 vs base"))).isCloseTo(control.f1() - base.f1(), within(0.0005 + 1e-9));
    }
    assertThat(forgetting.get(BASE).get("F1 vs base")).isEqualTo("base");
    assertThat(forgetting.get(RAG).get("control F1")).isEqualTo("n/a");
    assertThat(md).contains("- **base model**: adapter:tiny-base");
  }

  @Test
  void saysNoBaseModelListedWhenNoContenderIsTheBaseOfTheOthers() throws Exception {
    EvaluationReports withoutLineage = EvaluationReports.withBaseModels(Map.of());

    String md = withoutLineage.markdown(run, results, List.of());
    Document page = ReportReader.xml(withoutLineage.html(run, results, List.of()));

    assertThat(ReportReader.markdownTable(md, "Forgetting").get(LORA).get("F1 vs base")).isEqualTo("no base model listed");
    assertThat(ReportReader.htmlTable(page, "Forgetting").get(FULL).get("exact match vs base")).isEqualTo("no base model listed");
    assertThat(md).contains("no base model listed");
  }

  @Test
  void unrecordedCostsReadNotRecordedAndMeasuresThatDoNotApplyReadNa() throws Exception {
    EvaluationRun sparse = ReportFixtures.run(
        ReportFixtures.result("adapter:imported", ReportFixtures.scores(0.2, 0.3), null, ContenderCost.UNKNOWN),
        ReportFixtures.result("rag:kb", ReportFixtures.ragScores(0.5, 0.6, 0.7, 0.4, 0.3), null, ContenderCost.UNKNOWN),
        ReportFixtures.result("adapter:pending", null, null, null));

    Map<String, Map<String, String>> md = ReportReader.markdownTable(reports.markdown(sparse, List.of(), List.of()), "Cost");
    Document page = ReportReader.xml(reports.html(sparse, List.of(), List.of()));

    for (String header : List.of("trainable params", "total params", "training s", "training tokens/s", "peak memory", "artifact")) {
      assertThat(md.get("adapter:imported").get(header)).as(header).isEqualTo("not recorded");
      assertThat(md.get("adapter:pending").get(header)).as(header).isEqualTo("not recorded");
    }
    assertThat(md.get("rag:kb").get("ingest ms")).isEqualTo("not recorded");
    assertThat(md.get("rag:kb").get("training s")).isEqualTo("n/a");
    assertThat(md.get("adapter:imported").get("ingest ms")).isEqualTo("n/a");
    assertThat(ReportReader.htmlTable(page, "Accuracy").get("adapter:imported").get("MRR")).isEqualTo("n/a");
    assertThat(ReportReader.htmlTable(page, "Accuracy").get("adapter:pending").get("F1")).isEqualTo("not recorded");
    assertThat(ReportReader.htmlTable(page, "Cost").get("adapter:imported").get("artifact")).isEqualTo("not recorded");
  }

  @Test
  void htmlIsOneSelfContainedWellFormedPageWithoutScript() throws Exception {
    String html = reports.html(run, results, List.of(ReportFixtures.benchmarkSection()));

    ReportReader.xml(html);
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html.toLowerCase()).doesNotContain("<script", "http://", "https://", "url(", "@import", "src=", "href=", "<link");
  }

  @Test
  void hostileQuestionsAnswersAndSectionsAreShownAsTextInBothFormats() throws Exception {
    String hostile = ReportFixtures.HOSTILE;
    List<QuestionResult> answers = List.of(new QuestionResult(QuestionResult.EVALUATION, 0, RAG, hostile, hostile + "\u0000",
        0, 0.5, false, List.of(), 0.0, 0.0, false, 12, 10, 2, null));
    EvaluationRun one = ReportFixtures.run(ReportFixtures.result(RAG, ReportFixtures.ragScores(0, 0.5, 0, 0, 0), null, ContenderCost.UNKNOWN));
    List<ReportSection> sections = List.of(new ReportSection(hostile, hostile + "\n\n| a | " + hostile + " |\n\n- " + hostile));

    String html = reports.html(one, answers, sections);
    String md = reports.markdown(one, answers, sections);

    Document page = ReportReader.xml(html);
    assertThat(html).doesNotContain("<script", "http://");
    assertThat(ReportReader.htmlTable(page, "Per-question results").get("evaluation").get("question")).isEqualTo(hostile.replace('\n', '\n'));
    assertThat(ReportReader.elements(page, "h2").stream().map(e -> e.getTextContent())).contains(hostile);
    assertThat(md).doesNotContain("<script", "\u0000");
    Map<String, String> row = ReportReader.markdownTable(md, "Per-question results").get("evaluation");
    assertThat(row.get("question")).isEqualTo(hostile.replace('\n', ' '));
    assertThat(row.get("answer")).isEqualTo(hostile.replace('\n', ' ') + "\uFFFD");
  }

  @Test
  void sectionsRenderParagraphsTablesAndBulletListsInBothFormats() throws Exception {
    ReportSection section = ReportFixtures.benchmarkSection();

    String md = reports.markdown(run, results, List.of(section));
    Document page = ReportReader.xml(reports.html(run, results, List.of(section)));

    assertThat(md).contains("## Knowledge injection &lt;b&gt;benchmark&lt;/b&gt;", "The seeded world holds **120 facts**",
        "| RAG | 0.712 | `rag:handbook` |", "- Full fine-tuning forgets the most: control F1 falls. It keeps the facts");
    assertThat(ReportReader.markdownTable(md, "Knowledge injection &lt;b&gt;benchmark&lt;/b&gt;").get("LoRA").get("note"))
        .isEqualTo(ReportFixtures.HOSTILE.replace('\n', ' '));
    assertThat(ReportReader.htmlTable(page, "Knowledge injection <b>benchmark</b>").get("RAG"))
        .containsEntry("facts recalled", "0.712").containsEntry("note", "rag:handbook");
    assertThat(ReportReader.elements(page, "li")).hasSize(3);
    assertThat(ReportReader.elements(page, "li").get(2).getTextContent()).isEqualTo(ReportFixtures.HOSTILE.replace('\n', ' '));
    assertThat(ReportReader.elements(page, "strong").get(0).getTextContent()).isEqualTo("120 facts");
  }

  @Test
  void appendixShowsTheFirstFiftyQuestionsAndSaysHowManyMoreAreInTheDownload() {
    String md = reports.markdown(run, results, List.of());

    long rows = md.lines().filter(l -> l.startsWith("| evaluation |") || l.startsWith("| control |")).count();
    assertThat(rows).isEqualTo(50L * run.results().size());
    int more = ReportFixtures.QUESTIONS + ReportFixtures.CONTROL_QUESTIONS - 50;
    assertThat(md).contains("The first 50 of 100 questions; " + more + " more ("
        + (results.size() - rows) + " answers) are in the per-question JSONL download.");
  }

  private void assertEveryMeasure(Function<String, Map<String, Map<String, String>>> table) {
    Map<String, Map<String, Map<String, String>>> tables = new LinkedHashMap<>();
    for (ContenderResult contender : run.results()) {
      for (Measure m : MEASURES) {
        Map<String, String> row = tables.computeIfAbsent(m.table(), table).get(contender.contender());
        assertThat(row).as(contender.contender() + " in " + m.table()).isNotNull();
        String cell = row.get(m.header());
        Number expected = m.value().apply(contender);
        String what = contender.contender() + " " + m.header() + " = " + cell;
        if (expected == null) {
          assertThat(cell).as(what).isIn("not recorded", "n/a");
        } else {
          assertThat(number(cell)).as(what).isCloseTo(expected.doubleValue(), within(tolerance(cell, expected.doubleValue())));
        }
      }
    }
  }

  private ContenderResult contender(String label) {
    return run.results().stream().filter(r -> r.contender().equals(label)).findFirst().orElseThrow();
  }

  private static Double share(ContenderCost c) {
    if (c.trainableParameters() != null && c.trainableParameters() == 0) {
      return 0.0; // none of any model
    }
    return c.trainableParameters() == null || c.totalParameters() == null ? null
        : 100.0 * c.trainableParameters() / c.totalParameters();
  }

  private static final Map<String, Double> UNITS = Map.of(" B", 1.0, " KiB", 1024.0, " MiB", 1024.0 * 1024, " GiB", 1024.0 * 1024 * 1024, " %", 1.0);

  /** A cell's value: separators dropped, binary units multiplied out. */
  private static double number(String cell) {
    String c = cell.replace(",", "");
    return Double.parseDouble(c.replaceAll(" .*$", "")) * unit(c);
  }

  private static double unit(String cell) {
    return UNITS.entrySet().stream().filter(u -> cell.endsWith(u.getKey())).mapToDouble(Map.Entry::getValue).findFirst().orElse(1);
  }

  /** Half the last shown digit (times the unit): what rounding may lose. */
  private static double tolerance(String cell, double expected) {
    String c = cell.replace(",", "").replaceAll(" .*$", "");
    int dot = c.indexOf('.');
    double half = dot < 0 ? 0.5 : 0.5 * Math.pow(10, -(c.length() - dot - 1));
    return half * unit(cell) + 1e-9;
  }
}
