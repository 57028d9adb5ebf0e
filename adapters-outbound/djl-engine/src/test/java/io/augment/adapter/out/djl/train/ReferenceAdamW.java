package io.augment.adapter.out.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's first AdamW, kept as the reference the fused {@link AdamW} is checked against and
 * timed beside ({@code TrainingSpeedBenchmark}): about eight separate operations per parameter,
 * and one host read per parameter to clip.
 */
final class ReferenceAdamW implements Optimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final List<NDArray> parameters;
  private final List<NDArray> first = new ArrayList<>();
  private final List<NDArray> second = new ArrayList<>();
  private final NDManager manager;
  private final double weightDecay;
  private int steps;

  ReferenceAdamW(List<NDArray> parameters, double weightDecay, NDManager parent) {
    this.parameters = List.copyOf(parameters);
    this.weightDecay = weightDecay;
    manager = parent.newSubManager();
    for (NDArray parameter : parameters) {
      first.add(manager.zeros(parameter.getShape()));
      second.add(manager.zeros(parameter.getShape()));
    }
  }

  @Override
  public double step(double learningRate, double maxNorm) {
    double norm = clip(maxNorm);
    update(learningRate);
    return norm;
  }

  /** Scales gradients down to {@code maxNorm} when their global norm exceeds it; returns the norm. */
  double clip(double maxNorm) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      double squares = 0;
      for (NDArray parameter : parameters) {
        squares += parameter.getGradient().square().sum().getFloat();
      }
      double norm = Math.sqrt(squares);
      if (norm > maxNorm) {
        for (NDArray parameter : parameters) {
          parameter.getGradient().muli((float) (maxNorm / norm));
        }
      }
      return norm;
    }
  }

  void update(double learningRate) {
    steps++;
    float correction1 = (float) (1 - Math.pow(BETA1, steps));
    float correction2 = (float) (1 - Math.pow(BETA2, steps));
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (int i = 0; i < parameters.size(); i++) {
        NDArray parameter = parameters.get(i);
        NDArray gradient = parameter.getGradient();
        first.get(i).muli((float) BETA1).addi(gradient.mul((float) (1 - BETA1)));
        second.get(i).muli((float) BETA2).addi(gradient.square().muli((float) (1 - BETA2)));
        NDArray denominator = second.get(i).div(correction2).sqrt().addi((float) EPSILON);
        NDArray update = first.get(i).div(correction1).divi(denominator).muli((float) learningRate);
        if (weightDecay > 0 && parameter.getShape().dimension() > 1) {
          parameter.muli((float) (1 - learningRate * weightDecay));
        }
        parameter.subi(update);
      }
    }
  }

  @Override
  public java.util.Map<String, io.augment.adapter.out.djl.format.Tensor> state() {
    throw new UnsupportedOperationException("the reference optimiser is for speed comparisons, not checkpoints");
  }

  @Override
  public void restore(java.util.Map<String, io.augment.adapter.out.djl.format.Tensor> state) {
    throw new UnsupportedOperationException("the reference optimiser is for speed comparisons, not checkpoints");
  }

  @Override
  public void zeroGradients() {
    for (NDArray parameter : parameters) {
      JniUtils.zeroGrad((PtNDArray) parameter);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
