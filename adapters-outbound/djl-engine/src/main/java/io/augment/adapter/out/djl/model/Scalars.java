package io.augment.adapter.out.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scalar operands as arrays that live as long as their owner. DJL's {@code x.mul(2f)} wraps the
 * number in a tensor over a Java direct buffer and closes it at once; autograd keeps that tensor
 * for the backward pass, and once the buffer is collected the gradient reads freed memory
 * (seen as an occasional NaN loss). Operations recorded for training use these instead; they are
 * kept out of any open {@link NDScope}.
 */
final class Scalars {
  private final NDManager manager;
  private final Map<Float, NDArray> values = new ConcurrentHashMap<>();

  Scalars(NDManager manager) {
    this.manager = manager;
  }

  NDArray of(float value) {
    return values.computeIfAbsent(value, v -> {
      NDArray scalar = manager.create(v.floatValue());
      NDScope.unregister(scalar);
      return scalar;
    });
  }
}
