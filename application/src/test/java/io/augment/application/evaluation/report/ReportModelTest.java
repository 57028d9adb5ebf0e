package io.augment.application.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.job.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportModelTest {
  private static final ContenderCost COST = ContenderCost.UNKNOWN;

  private static EvaluationRun withControl(String... labels) {
    return ReportFixtures.run("run-b", "qa", "ctl", java.util.Arrays.stream(labels)
        .map(l -> ReportFixtures.result(l, ReportFixtures.scores(0.5, 0.6), ReportFixtures.scores(0.4, 0.5), COST)).toList(),
        JobStatus.SUCCEEDED, ReportFixtures.FINISHED);
  }

  @Test
  void theBaseIsTheClosedBookModelMostOtherContendersWereTrainedFrom() {
    Map<String, String> lineage = Map.of("a1", "small", "a2", "big", "a3", "big", "big", "root", "small", "root");
    EvaluationRun run = withControl("adapter:small", "adapter:big", "adapter:a1", "adapter:a2", "rag:kb+adapter:a3");

    ReportModel model = ReportModel.of(run, name -> Optional.ofNullable(lineage.get(name)));

    assertThat(model.base().label()).isEqualTo("adapter:big");
    assertThat(model.controlRows()).extracting(ContenderRow::label)
        .containsExactly("adapter:big", "adapter:small", "adapter:a1", "adapter:a2", "rag:kb+adapter:a3");
  }

  @Test
  void aContenderTrainedFromAnotherBaseIsNotComparedWithThisOne() {
    EvaluationReports reports = EvaluationReports.withBaseModels(Map.of("a1", "small", "a2", "big", "a3", "big"));
    EvaluationRun run = withControl("adapter:big", "adapter:a1", "adapter:a2", "adapter:a3");

    var forgetting = ReportReader.markdownTable(reports.markdown(run, List.of(), List.of()), "Forgetting");

    assertThat(forgetting.get("adapter:a1").get("F1 vs base")).isEqualTo("other base model");
    assertThat(forgetting.get("adapter:a2").get("F1 vs base")).isEqualTo("+0.000");
  }

  @Test
  void ragReadByTheBaseModelItselfIsComparedWithTheBaseAlone() {
    EvaluationReports reports = EvaluationReports.withBaseModels(Map.of("a1", "big", "other", "small"));
    EvaluationRun run = ReportFixtures.run("run-r", "qa", "ctl", List.of(
        ReportFixtures.result("adapter:big", ReportFixtures.scores(0.1, 0.2), ReportFixtures.scores(0.9, 0.95), COST),
        ReportFixtures.result("adapter:a1", ReportFixtures.scores(0.3, 0.4), ReportFixtures.scores(0.7, 0.8), COST),
        ReportFixtures.result("rag:kb+adapter:big", ReportFixtures.scores(0.5, 0.6), ReportFixtures.scores(0.8, 0.9), COST),
        ReportFixtures.result("rag:kb+adapter:other", ReportFixtures.scores(0.5, 0.6), ReportFixtures.scores(0.8, 0.9), COST)),
        JobStatus.SUCCEEDED, ReportFixtures.FINISHED);

    var forgetting = ReportReader.markdownTable(reports.markdown(run, List.of(), List.of()), "Forgetting");

    assertThat(forgetting.get("rag:kb+adapter:big").get("exact match vs base")).isEqualTo("-0.100");
    assertThat(forgetting.get("rag:kb+adapter:big").get("F1 vs base")).isEqualTo("-0.050");
    assertThat(forgetting.get("rag:kb+adapter:other").get("F1 vs base")).isEqualTo("other base model");
  }

  @Test
  void aModelListedAsItsOwnBaseIsNotTheBaseOfItself() {
    ReportModel model = ReportModel.of(withControl("adapter:solo"), name -> Optional.of(name));

    assertThat(model.base()).isNull();
  }
}
