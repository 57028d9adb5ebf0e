package io.augment.adapter.out.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;

/**
 * An adapter ready to serve: per projection, A and {@code scale * B} (masks applied), so each adapted
 * layer costs two small matrix products and an add. Many can be resident over one base model.
 */
public final class LoraInference implements LoraDelta, AutoCloseable {
  private final NDManager manager;
  private final NDArray[][] a;
  private final NDArray[][] scaledB;

  public LoraInference(GptConfig config, LoraWeights weights, NDManager parent) {
    manager = parent.newSubManager();
    a = new NDArray[config.layers()][Projection.values().length];
    scaledB = new NDArray[config.layers()][Projection.values().length];
    Map<String, int[]> slots = new HashMap<>();
    for (int layer = 0; layer < config.layers(); layer++) {
      for (Projection projection : Projection.values()) {
        slots.put(projection.module(layer), new int[] {layer, projection.ordinal()});
      }
    }
    weights.pairs().forEach((module, pair) -> {
      int[] slot = slots.get(module);
      if (slot == null) {
        throw new IllegalArgumentException("adapter module " + module + " is not in this model");
      }
      NDArray copyA = pair.a().duplicate();
      NDArray b = weights.scaledB(pair);
      copyA.attach(manager);
      b.attach(manager);
      a[slot[0]][slot[1]] = copyA;
      scaledB[slot[0]][slot[1]] = b;
    });
  }

  @Override
  public NDArray apply(int layer, Projection projection, NDArray input) {
    NDArray down = a[layer][projection.ordinal()];
    return down == null ? null : Ops.linear(Ops.linear(input, down, null), scaledB[layer][projection.ordinal()], null);
  }

  @Override
  public void close() {
    manager.close();
  }
}
