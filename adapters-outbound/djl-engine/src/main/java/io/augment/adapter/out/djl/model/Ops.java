package io.augment.adapter.out.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/** The tensor operations the model is made of, each one engine call where the engine allows. */
public final class Ops {
  private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2 / Math.PI);

  private Ops() {}

  public static NDArray embedding(NDArray ids, NDArray table) {
    return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
  }

  /** {@code x W^T + b} for a weight held as {@code [out, in]}; {@code bias} may be null. */
  public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
  }

  public static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta, float eps) {
    return x.getNDArrayInternal().layerNorm(x, new Shape(gamma.getShape().get(0)), gamma, beta, eps)
        .singletonOrThrow();
  }

  /** Exact GELU, {@code x * Phi(x)}. */
  public static NDArray gelu(NDArray x) {
    return x.getNDArrayInternal().gelu();
  }

  /** GPT-2's tanh approximation of GELU ({@code gelu_new}). */
  static NDArray geluTanh(NDArray x, Scalars scalars) {
    NDArray inner = x.pow(scalars.of(3f)).mul(scalars.of(0.044715f)).add(x).mul(scalars.of(SQRT_2_OVER_PI));
    return inner.tanh().add(scalars.of(1f)).mul(x).mul(scalars.of(0.5f));
  }

  public static NDArray dropout(NDArray x, double rate, boolean training) {
    if (!training || rate <= 0) {
      return x;
    }
    return x.getNDArrayInternal().dropout(x, (float) rate, true).singletonOrThrow();
  }
}
