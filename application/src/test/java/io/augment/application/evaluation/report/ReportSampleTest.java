package io.augment.application.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes the realistic fixture's reports to target/ so a person (or a headless browser) can look at them. */
class ReportSampleTest {
  @Test
  void writesASampleReportOfARealisticRunInBothFormats() throws Exception {
    var reports = ReportFixtures.reports();
    var sections = List.of(ReportFixtures.benchmarkSection());
    Path html = Path.of("target", "report-sample.html");
    Path md = Path.of("target", "report-sample.md");
    Files.createDirectories(html.getParent());

    Files.writeString(html, reports.html(ReportFixtures.realisticRun(), ReportFixtures.realisticResults(), sections));
    Files.writeString(md, reports.markdown(ReportFixtures.realisticRun(), ReportFixtures.realisticResults(), sections));

    ReportReader.xml(Files.readString(html));
    assertThat(Files.readString(md)).contains("# Evaluation run run-7f3a");
  }
}
