package io.augment.adapter.out.djl.model;

import ai.djl.ndarray.NDArray;

/** What low-rank adapters add to a projection's output; none is {@link #NONE}. */
@FunctionalInterface
public interface LoraDelta {
  LoraDelta NONE = (layer, projection, input) -> null;

  /** The update for {@code input} through {@code projection} of {@code layer}, or null when not adapted. */
  NDArray apply(int layer, Projection projection, NDArray input);
}
