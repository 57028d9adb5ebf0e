package io.augment.domain.adaptation;

import io.augment.domain.model.InvalidInputException;
import java.util.Set;

/**
 * LoRA hyper-parameters: W' = W + (alpha / r) * B * A on each target module, B starting at zero.
 * Each is checked against a documented range (docs/local-engine.md) naming {@code lora.<field>};
 * the rank is also checked against the base model's width before a job is queued.
 *
 * @param rank          r, the inner dimension of B * A, 1 to {@value #MAX_RANK}
 * @param alpha         scaling numerator, in (0, {@value #MAX_ALPHA}]
 * @param dropout       dropout on the adapter's input during training, in [0, 1)
 * @param targetModules names of linear layers to adapt, e.g. {@code q_proj}, {@code v_proj}, {@code mlp.fc};
 *                      1 to {@value #MAX_TARGETS} names
 */
public record LoraSettings(int rank, double alpha, double dropout, Set<String> targetModules) {
  public static final int MAX_RANK = 1024;
  public static final double MAX_ALPHA = 4096;
  public static final int MAX_TARGETS = 32;

  public LoraSettings {
    if (rank < 1 || rank > MAX_RANK) {
      throw new InvalidInputException("lora.rank", "must be between 1 and " + MAX_RANK + ", got " + rank);
    }
    if (!(alpha > 0 && alpha <= MAX_ALPHA)) {
      throw new InvalidInputException("lora.alpha", "must be above 0 and at most " + MAX_ALPHA + ", got " + alpha);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new InvalidInputException("lora.dropout", "must be in [0, 1), got " + dropout);
    }
    if (targetModules == null || targetModules.isEmpty()) {
      throw new InvalidInputException("lora.targetModules", "must name at least one module");
    }
    if (targetModules.size() > MAX_TARGETS || targetModules.stream().anyMatch(t -> t == null || t.isBlank())) {
      throw new InvalidInputException("lora.targetModules", "must be 1 to " + MAX_TARGETS + " non-empty names");
    }
    targetModules = Set.copyOf(targetModules);
  }
}
