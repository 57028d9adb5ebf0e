package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.format.Tensor;
import java.util.Map;

/** Updates a fixed list of parameters from the gradients their last backward pass left. */
interface Optimizer extends AutoCloseable {

  /**
   * One update: gradients are scaled down to a global norm of {@code maxNorm} when above it, then
   * applied at {@code learningRate}. Returns the global gradient norm before scaling.
   */
  double step(double learningRate, double maxNorm);

  /** The optimiser's state (moments and step count) as float tensors, to save in a checkpoint. */
  Map<String, Tensor> state();

  /** Restores a {@link #state()} saved by an optimiser over parameters of the same shapes. */
  void restore(Map<String, Tensor> state);

  /** Zeroes the gradients for the next backward pass. */
  void zeroGradients();

  @Override
  void close();
}
