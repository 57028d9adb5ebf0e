package io.augment.domain.adaptation;

import io.augment.domain.model.InvalidInputException;
import java.util.Set;

/**
 * LoRA hyper-parameters: W' = W + (alpha / r) * B * A on each target module, B starting at zero.
 *
 * @param rank          r, the inner dimension of B * A
 * @param alpha         scaling numerator
 * @param dropout       dropout on the adapter's input during training, in [0, 1)
 * @param targetModules names of linear layers to adapt, e.g. {@code q_proj}, {@code v_proj}, {@code mlp.fc}
 */
public record LoraSettings(int rank, double alpha, double dropout, Set<String> targetModules) {
  public LoraSettings {
    if (rank < 1) {
      throw new InvalidInputException("lora.rank", "must be at least 1");
    }
    if (dropout < 0 || dropout >= 1) {
      throw new InvalidInputException("lora.dropout", "must be in [0, 1)");
    }
    if (targetModules == null || targetModules.isEmpty()) {
      throw new InvalidInputException("lora.targetModules", "must name at least one module");
    }
    targetModules = Set.copyOf(targetModules);
  }
}
