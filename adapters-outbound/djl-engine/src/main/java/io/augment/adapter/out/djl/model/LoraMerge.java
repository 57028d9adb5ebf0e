package io.augment.adapter.out.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/** Folds an adapter into a copy of its base: {@code W' = W + scale * B A}. The base is not changed. */
public final class LoraMerge {
  private LoraMerge() {}

  public static GptModel merge(GptModel base, LoraWeights lora, NDManager parent) {
    GptModel merged = GptWeights.copy(base, parent);
    lora.pairs().forEach((module, pair) -> {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray weight = merged.weight(module + ".weight");
        weight.addi(lora.scaledB(pair).matMul(pair.a()));
      }
    });
    return merged;
  }
}
