package io.augment.adapter.out.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.augment.adapter.out.djl.format.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay (on matrices only) and global-norm gradient clipping. Each
 * parameter is updated by one native call (PyTorch's in-place moment updates, no Java scalars
 * or temporaries per operation); the clipping factor is folded into that call, and the global
 * norm costs one host read per step. The moments are made up front, in the optimiser's own
 * manager, so a step's temporaries can live in a short scope.
 */
final class AdamW implements Optimizer {
  static final float BETA1 = 0.9f;
  static final float BETA2 = 0.999f;
  static final double EPSILON = 1e-8;
  /** Tells the native update not to clamp gradients element-wise (it clamps when this is at least 0). */
  private static final float NO_CLAMP = -1f;

  private final List<PtNDArray> parameters = new ArrayList<>();
  private final List<PtNDArray> first = new ArrayList<>();
  private final List<PtNDArray> second = new ArrayList<>();
  private final NDManager manager;
  private final float weightDecay;
  private int steps;

  AdamW(List<NDArray> parameters, double weightDecay, NDManager parent) {
    this.weightDecay = (float) weightDecay;
    manager = parent.newSubManager();
    for (NDArray parameter : parameters) {
      this.parameters.add((PtNDArray) parameter);
      first.add((PtNDArray) manager.zeros(parameter.getShape()));
      second.add((PtNDArray) manager.zeros(parameter.getShape()));
    }
  }

  @Override
  public double step(double learningRate, double maxNorm) {
    steps++;
    // Bias correction folded into the step size and epsilon:
    //   (m / c1) / (sqrt(v / c2) + eps) == (sqrt(c2) / c1) * m / (sqrt(v) + eps * sqrt(c2))
    double root2 = Math.sqrt(1 - Math.pow(BETA2, steps));
    float stepSize = (float) (learningRate * root2 / (1 - Math.pow(BETA1, steps)));
    float epsilon = (float) (EPSILON * root2);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      List<PtNDArray> gradients = new ArrayList<>(parameters.size());
      NDList norms = new NDList(parameters.size());
      for (PtNDArray parameter : parameters) {
        PtNDArray gradient = (PtNDArray) parameter.getGradient();
        gradients.add(gradient);
        norms.add(gradient.norm());
      }
      double norm = NDArrays.stack(norms).norm().getFloat();
      float rescale = norm > maxNorm ? (float) (maxNorm / norm) : 1f;
      for (int i = 0; i < parameters.size(); i++) {
        PtNDArray parameter = parameters.get(i);
        boolean decay = weightDecay > 0 && parameter.getShape().dimension() > 1;
        JniUtils.adamUpdate(parameter, gradients.get(i), first.get(i), second.get(i), (float) learningRate,
            stepSize, decay ? weightDecay : 0f, rescale, NO_CLAMP, BETA1, BETA2, epsilon, decay);
      }
      return norm;
    }
  }

  @Override
  public Map<String, Tensor> state() {
    Map<String, Tensor> state = new LinkedHashMap<>();
    state.put("steps", Tensor.of(new long[] {1}, new float[] {steps}));
    for (int i = 0; i < parameters.size(); i++) {
      state.put("m." + i, new Tensor(first.get(i).getShape().getShape(), first.get(i).toByteBuffer()));
      state.put("v." + i, new Tensor(second.get(i).getShape().getShape(), second.get(i).toByteBuffer()));
    }
    return state;
  }

  @Override
  public void restore(Map<String, Tensor> state) {
    for (int i = 0; i < parameters.size(); i++) {
      copyInto(first.get(i), state.get("m." + i), "m." + i);
      copyInto(second.get(i), state.get("v." + i), "v." + i);
    }
    steps = (int) state.get("steps").values()[0];
  }

  private static void copyInto(PtNDArray target, Tensor saved, String name) {
    if (saved == null || !java.util.Arrays.equals(saved.shape(), target.getShape().getShape())) {
      throw new IllegalArgumentException("the saved optimiser state does not fit the model (" + name + ")");
    }
    target.set(saved.values()); // a copy: saved data may be a read-only file mapping
  }

  @Override
  public void zeroGradients() {
    for (PtNDArray parameter : parameters) {
      JniUtils.zeroGrad(parameter);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
