package io.augment.adapter.out.djl.model;

import static io.augment.adapter.out.djl.TinyModels.logits;
import static io.augment.adapter.out.djl.TinyModels.maxAbsDifference;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.augment.adapter.out.djl.TinyModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoraMergeTest {
  private static NDManager manager;
  private static GptModel base;

  @BeforeAll
  static void load() {
    manager = TinyModels.manager();
    base = TinyModels.model(manager, 3);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"q_proj,v_proj", "c_attn", "k,o", "mlp.c_fc,mlp.c_proj", "all-linear"})
  void mergedModelGivesTheLogitsOfBasePlusAdapter(String targets) {
    LoraWeights lora = TinyModels.randomAdapter(base, TinyModels.spec(4, targets.split(",")), 4);
    int[] tokens = TinyModels.sampleTokens();
    float[] adapted = logits(base, lora.trainingDelta(), tokens);
    float[] plain = logits(base, LoraDelta.NONE, tokens);

    try (GptModel merged = LoraMerge.merge(base, lora, manager)) {
      assertThat(maxAbsDifference(logits(merged, LoraDelta.NONE, tokens), adapted)).isLessThan(1e-4f);
      assertThat(maxAbsDifference(adapted, plain)).as("the adapter changes the output").isGreaterThan(1e-3f);
    }
    assertThat(logits(base, LoraDelta.NONE, tokens)).as("merging leaves the base alone").containsExactly(plain);
    lora.close();
  }
}
