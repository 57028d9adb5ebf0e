package io.augment.application.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderCost;
import org.junit.jupiter.api.Test;

class ContenderCostsTest {
  private final EvaluationTestbed bed = new EvaluationTestbed();

  private ContenderCost cost(String contender) {
    return bed.costs.cost(Contender.parse("c", contender));
  }

  @Test
  void ragCostsItsIngestTimeIndexAndChunksAndTrainsNothing() {
    ContenderCost rag = cost("rag:handbook");

    assertThat(rag.trainableParameters()).isZero();
    assertThat(rag.ingestMillis()).isEqualTo(bed.platform.knowledgeBaseRepository.ingestMillis("handbook").getAsLong());
    assertThat(rag.chunks()).isEqualTo(bed.platform.index.count("handbook")).isEqualTo(EvaluationTestbed.FACTS);
    assertThat(rag.indexBytes()).isEqualTo(bed.platform.index.storageBytes("handbook").isPresent()
        ? bed.platform.index.storageBytes("handbook").getAsLong() : null);
    assertThat(rag.artifactBytes()).isNull();
    assertThat(cost("rag:handbook@oracle")).isEqualTo(rag);
  }

  @Test
  void aTrainedModelCostsWhatItsTrainingRecorded() {
    ContenderCost tuned = cost("adapter:tuned");

    assertThat(tuned).isEqualTo(new ContenderCost(20_000L, 1_000_000L, 12.5, 3_200.0, 512L << 20, 80_000L,
        null, null, null));
  }

  @Test
  void aTrainedModelWithoutRecordedTrainingKnowsOnlyItsSize() {
    bed.catalog.adapters.add(new Adapter("imported", "base", AdaptationMethod.FULL, 9_000));

    assertThat(cost("adapter:imported")).isEqualTo(new ContenderCost(null, null, null, null, null, 9_000L, null, null, null));
  }

  @Test
  void ragOverATrainedModelCostsBoth() {
    ContenderCost both = cost("rag:handbook+adapter:tuned");
    ContenderCost rag = cost("rag:handbook");

    assertThat(both.trainableParameters()).isEqualTo(20_000L);
    assertThat(both.trainingSeconds()).isEqualTo(12.5);
    assertThat(both.artifactBytes()).isEqualTo(80_000L);
    assertThat(both.ingestMillis()).isEqualTo(rag.ingestMillis());
    assertThat(both.chunks()).isEqualTo(rag.chunks());
  }

  @Test
  void aConfiguredGeneratorsCostIsUnknown() {
    assertThat(cost("generator:oracle")).isEqualTo(ContenderCost.UNKNOWN);
  }
}
