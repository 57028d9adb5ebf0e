package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GptTrainingTest {
  private final ByteBpeTokenizer tokenizer = ByteBpeTokenizer.train(Tiny.corpus(), Tiny.CONFIG.vocabSize());
  private final int[] corpus = Tiny.tokens(tokenizer, Tiny.corpus());

  @Test
  void fullTrainingLowersTheLossOnASmallCorpus() {
    try (GptWeights w = GptWeights.initialise(Tiny.CONFIG, 1)) {
      Trainer.Result r = Trainer.train(w, null, corpus, Tiny.steps(40, 3e-3), (d, t, l, s) -> { });
      List<Double> losses = r.losses();
      assertThat(tail(losses)).isLessThan(0.8 * losses.get(0));
      assertThat(r.trainableParameters()).isEqualTo(w.parameterCount()).isEqualTo(Tiny.CONFIG.parameterCount());
    }
  }

  @Test
  void loraTrainsOnlyAdapterWeightsAndLeavesTheBaseByteForByte() {
    try (GptWeights w = GptWeights.initialise(Tiny.CONFIG, 1);
        LoraAdapter lora = LoraAdapter.create(Tiny.CONFIG, Tiny.LORA, "tiny", 2)) {
      Trainer.train(w, null, corpus, Tiny.steps(80, 1e-2), (d, t, l, s) -> { });
      Map<String, float[]> before = new HashMap<>();
      w.parameters().forEach((k, v) -> before.put(k, v.toFloatArray()));
      int[] other = Tiny.tokens(tokenizer, Tiny.otherCorpus());
      Trainer.Result r = Trainer.train(w, lora, other, Tiny.steps(40, 3e-3), (d, t, l, s) -> { });

      w.parameters().forEach((k, v) -> {
        assertThat(v.hasGradient()).as(k).isFalse();
        assertThat(v.toFloatArray()).as(k).isEqualTo(before.get(k));
      });
      for (NDArray[] ab : lora.pairs().values()) {
        assertThat(ab[1].abs().sum().getFloat()).isPositive();
      }
      assertThat(r.trainableParameters()).isEqualTo(lora.parameterCount());
      assertThat(tail(r.losses())).isLessThan(0.8 * r.losses().get(0));
    }
  }

  @Test
  void freshAdapterWithZeroBGivesTheBaseLogits() {
    try (GptWeights w = GptWeights.initialise(Tiny.CONFIG, 1);
        LoraAdapter lora = LoraAdapter.create(Tiny.CONFIG, Tiny.LORA, "tiny", 2)) {
      assertThat(Tiny.logits(w, lora)).containsExactly(Tiny.logits(w, null));
    }
  }

  @Test
  void mergedWeightsGiveTheSameLogitsAsBasePlusAdapter() {
    try (GptWeights w = GptWeights.initialise(Tiny.CONFIG, 1);
        LoraAdapter lora = LoraAdapter.create(Tiny.CONFIG, Tiny.LORA, "tiny", 2)) {
      Trainer.train(w, lora, corpus, Tiny.steps(5, 1e-2), (d, t, l, s) -> { });
      float[] adapted = Tiny.logits(w, lora);
      try (GptWeights merged = lora.mergeInto(w)) {
        float[] mergedLogits = Tiny.logits(merged, null);
        for (int i = 0; i < adapted.length; i++) {
          assertThat(mergedLogits[i]).isCloseTo(adapted[i], within(1e-4f));
        }
        assertThat(mergedLogits).isNotEqualTo(Tiny.logits(w, null));
      }
    }
  }

  private static double tail(List<Double> losses) {
    return losses.subList(losses.size() - 5, losses.size()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
