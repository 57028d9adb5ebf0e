package io.augment.adapter.out.djl.train;

import static io.augment.adapter.out.djl.TinyModels.logits;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.model.LoraInference;
import io.augment.adapter.out.djl.model.LoraWeights;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoraTrainingTest {
  private NDManager manager;
  private GptModel model;

  @BeforeEach
  void setUp() {
    manager = TinyModels.manager();
    model = TinyModels.model(manager, 5);
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void aFreshAdapterLeavesTheModelExactlyAsItWas() {
    LoraWeights lora = LoraWeights.initialize(model.config(), TinyModels.spec(4, "all-linear"), manager, 1);
    int[] tokens = TinyModels.sampleTokens();

    assertThat(logits(model, lora.trainingDelta(), tokens)).containsExactly(logits(model, LoraDelta.NONE, tokens));
  }

  @Test
  void gradientsReachOnlyTheAdapterAndSkipMaskedSlices() {
    LoraWeights lora = TinyModels.randomAdapter(model, TinyModels.spec(4, "q_proj", "v_proj", "mlp.c_fc"), 2);
    lora.parameters().forEach(p -> p.setRequiresGradient(true));
    TokenBatches batches = TokenBatches.of(TinyModels.corpus(50, 3), TinyModels.tokenizer(), 4, 16, 3);

    Trainer.step(model, lora.trainingDelta(), batches.next());

    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      model.weights().forEach((name, weight) -> assertThat(weight.hasGradient()).as(name).isFalse());
      for (LoraWeights.Pair pair : lora.pairs().values()) {
        assertThat(pair.a().getGradient().abs().sum().getFloat()).isPositive();
        assertThat(pair.b().getGradient().abs().sum().getFloat()).isPositive();
        if (pair.mask() != null) {
          NDArray outside = pair.b().getGradient().mul(pair.mask().neg().add(1));
          assertThat(outside.abs().sum().getFloat()).as("gradient outside q and v blocks").isZero();
        }
      }
    }
  }

  @Test
  void fullFineTuningLowersTheLossOnATinyCorpus() {
    TokenBatches batches = TokenBatches.of(TinyModels.corpus(200, 4), TinyModels.tokenizer(), 8, 32, 4);

    Trainer.Result result = Trainer.train(model, null, batches, 60, 3e-3, (s, t, l, r) -> { }, () -> false);

    assertThat(result.steps()).isEqualTo(60);
    assertThat(result.trainableParameters()).isEqualTo(model.parameterCount());
    assertThat(last(result.lossCurve())).isLessThan(0.6 * result.lossCurve().get(0));
    assertThat(result.tokensPerSecond()).isPositive();
  }

  @Test
  void loraAdaptsAPretrainedModelToNarrowerTextWhileItsWeightsStayBitIdentical() {
    Trainer.train(model, null, TokenBatches.of(TinyModels.corpus(200, 4), TinyModels.tokenizer(), 8, 32, 4), 250,
        1e-2, (s, t, l, r) -> { }, () -> false);
    Map<String, float[]> before = new HashMap<>();
    model.weights().forEach((name, weight) -> before.put(name, weight.toFloatArray()));
    LoraWeights lora = LoraWeights.initialize(model.config(), TinyModels.spec(4, "all-linear"), manager, 6);
    TokenBatches batches = TokenBatches.of(TinyModels.narrowCorpus(200, 6), TinyModels.tokenizer(), 8, 32, 6);

    Trainer.Result result = Trainer.train(model, lora, batches, 60, 1e-2, (s, t, l, r) -> { }, () -> false);

    assertThat(last(result.lossCurve())).isLessThan(0.75 * result.lossCurve().get(0));
    assertThat(result.trainableParameters()).isEqualTo(lora.trainableCount());
    model.weights().forEach((name, weight) -> assertThat(weight.toFloatArray()).as(name)
        .containsExactly(before.get(name)));
  }

  @Test
  void separateQueryAndValueSlicesTrainOnlyTheirOwnBlocks() {
    int rank = 4;
    int d = model.config().dModel();
    LoraWeights lora = LoraWeights.initialize(model.config(), TinyModels.spec(rank, "q", "v"), manager, 1);

    long perLayer = 2L * rank * d + 2L * d * rank;
    assertThat(lora.trainableCount()).isEqualTo(model.config().layers() * perLayer);
  }

  @Test
  void servingFormMatchesTheTrainingForm() {
    LoraWeights lora = TinyModels.randomAdapter(model, TinyModels.spec(4, "q", "v", "o", "mlp"), 9);
    int[] tokens = TinyModels.sampleTokens();
    try (LoraInference serving = new LoraInference(model.config(), lora, manager)) {
      assertThat(TinyModels.maxAbsDifference(logits(model, serving, tokens), logits(model, lora.trainingDelta(), tokens)))
          .isLessThan(1e-5f);
    }
  }

  private static double last(List<Double> curve) {
    return curve.get(curve.size() - 1);
  }
}
