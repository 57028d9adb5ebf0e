package io.augment.adapter.out.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with bias correction, updating parameters in place from their autograd gradients and then
 * zeroing those gradients (DJL's collector does not). State is allocated once, up front, outside
 * any step scope; call {@link #step} with grad mode off (after the collector is closed).
 */
final class Adam implements AutoCloseable {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;
  private final List<NDArray> params;
  private final NDManager state = NDManager.newBaseManager();
  private final List<NDArray> m = new ArrayList<>();
  private final List<NDArray> v = new ArrayList<>();
  private final float learningRate;
  private int t;

  Adam(List<NDArray> params, double learningRate) {
    this.params = params;
    this.learningRate = (float) learningRate;
    for (NDArray p : params) {
      m.add(state.zeros(p.getShape()));
      v.add(state.zeros(p.getShape()));
    }
  }

  /** One update; intermediates go to the caller's NDScope. */
  void step() {
    t++;
    float bc1 = (float) (1 - Math.pow(BETA1, t));
    float bc2 = (float) (1 - Math.pow(BETA2, t));
    for (int i = 0; i < params.size(); i++) {
      NDArray p = params.get(i);
      NDArray g = p.getGradient();
      m.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
      v.get(i).muli(BETA2).addi(g.square().mul(1 - BETA2));
      NDArray update = m.get(i).div(bc1).div(v.get(i).div(bc2).sqrt().add(EPS)).mul(learningRate);
      p.subi(update);
      g.subi(g);
    }
  }

  long stateBytes() {
    return 2L * 4 * params.stream().mapToLong(NDArray::size).sum();
  }

  @Override
  public void close() {
    state.close();
  }
}
