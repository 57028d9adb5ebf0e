package io.augment.adapter.out.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.augment.adapter.out.djl.TinyModels;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fused AdamW takes the same steps as the first, operation-by-operation one. */
class AdamWTest {
  private static final int STEPS = 8;
  private NDManager manager;

  @BeforeEach
  void setUp() {
    manager = TinyModels.manager();
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void followsTheReferenceImplementationOverStepsWithAndWithoutClippingAndWithWeightDecay() {
    Weights reference = new Weights(manager, 3);
    Weights fused = new Weights(manager, 3);
    try (ReferenceAdamW old = new ReferenceAdamW(reference.all(), 0.1, manager);
        AdamW next = new AdamW(fused.all(), 0.1, manager)) {
      for (int step = 0; step < STEPS; step++) {
        // Alternate a clipping bound far below and far above the gradients' norm.
        double maxNorm = step % 2 == 0 ? 0.05 : 1e6;
        double learningRate = 0.01 * (1 + step % 3);
        backward(reference, fused, step);

        double oldNorm = old.step(learningRate, maxNorm);
        double newNorm = next.step(learningRate, maxNorm);
        old.zeroGradients();
        next.zeroGradients();

        assertThat(newNorm).as("norm at step %d", step).isCloseTo(oldNorm, within(1e-5 * oldNorm));
        assertClose(reference.matrix, fused.matrix, step);
        assertClose(reference.vector, fused.vector, step);
      }
      assertThat(maxAbs(fused.matrix, new Weights(manager, 3).matrix)).as("the weights moved").isGreaterThan(0.01f);
    }
  }

  @Test
  void scalesGradientsToTheBoundOnlyWhenTheirGlobalNormExceedsIt() {
    Weights weights = new Weights(manager, 4);
    try (AdamW optimizer = new AdamW(weights.all(), 0.0, manager)) {
      backward(weights, null, 0);
      double expected;
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        expected = Math.sqrt(weights.matrix.getGradient().square().sum().getFloat()
            + weights.vector.getGradient().square().sum().getFloat());
      }

      assertThat(optimizer.step(1e-3, 1.0)).isCloseTo(expected, within(1e-5 * expected));
    }
  }

  /** Gradients of {@code sum(w * x) + sum(w * w)} with {@code x} drawn per step, into both sets of weights. */
  private void backward(Weights a, Weights b, int step) {
    try (NDScope scope = new NDScope(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      scope.suppressNotUsedWarning();
      manager.getEngine().setRandomSeed(100 + step);
      NDArray x = manager.randomNormal(0, 1, new Shape(8, 16), DataType.FLOAT32);
      NDArray y = manager.randomNormal(0, 1, new Shape(16), DataType.FLOAT32);
      NDArray loss = a.loss(x, y);
      collector.backward(b == null ? loss : loss.add(b.loss(x, y)));
    }
  }

  private static void assertClose(NDArray expected, NDArray actual, int step) {
    float difference = maxAbs(expected, actual);
    assertThat(difference).as("largest difference from the reference after step %d", step).isLessThan(1e-5f);
  }

  private static float maxAbs(NDArray a, NDArray b) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return a.sub(b).abs().max().getFloat();
    }
  }

  /** A matrix (decayed) and a vector (not decayed), seeded alike for each copy. */
  private static final class Weights {
    final NDArray matrix;
    final NDArray vector;

    Weights(NDManager manager, int seed) {
      manager.getEngine().setRandomSeed(seed);
      matrix = manager.randomNormal(0, 0.5f, new Shape(8, 16), DataType.FLOAT32);
      vector = manager.randomNormal(0, 0.5f, new Shape(16), DataType.FLOAT32);
      matrix.setRequiresGradient(true);
      vector.setRequiresGradient(true);
    }

    List<NDArray> all() {
      return List.of(matrix, vector);
    }

    NDArray loss(NDArray x, NDArray y) {
      return matrix.mul(x).sum().add(matrix.mul(matrix).sum()).add(vector.mul(y).sum()).add(vector.mul(vector).sum());
    }
  }
}
