package io.augment.adapter.out.djl.model;

import java.util.Set;

/**
 * LoRA hyper-parameters as the engine uses them.
 *
 * @param rank    r
 * @param alpha   the update is scaled by alpha / r
 * @param dropout dropout on the adapter's input while training
 * @param targets adapted layers
 */
public record LoraSpec(int rank, double alpha, double dropout, Set<LoraTarget> targets) {
  public LoraSpec {
    targets = Set.copyOf(targets);
  }

  public float scale() {
    return (float) (alpha / rank);
  }

  /** Query/key/value slices adapted separately, in q, k, v order. */
  public java.util.List<LoraTarget> slices() {
    return targets.stream().filter(t -> t.slice() >= 0).sorted().toList();
  }
}
