package io.augment.adapter.out.djl.train;

/** Updates a fixed list of parameters from the gradients their last backward pass left. */
interface Optimizer extends AutoCloseable {

  /**
   * One update: gradients are scaled down to a global norm of {@code maxNorm} when above it, then
   * applied at {@code learningRate}. Returns the global gradient norm before scaling.
   */
  double step(double learningRate, double maxNorm);

  /** Zeroes the gradients for the next backward pass. */
  void zeroGradients();

  @Override
  void close();
}
