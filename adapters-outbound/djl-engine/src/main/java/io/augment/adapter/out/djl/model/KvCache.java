package io.augment.adapter.out.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * Keys and values of the positions already seen, per layer, so each new token costs one position
 * of compute. Its arrays outlive the scope of the step that made them; {@link #close} frees them.
 */
public final class KvCache implements AutoCloseable {
  private final NDArray[] keys;
  private final NDArray[] values;
  private int length;

  public KvCache(int layers) {
    keys = new NDArray[layers];
    values = new NDArray[layers];
  }

  public int length() {
    return length;
  }

  NDArray keys(int layer) {
    return keys[layer];
  }

  NDArray values(int layer) {
    return values[layer];
  }

  void put(int layer, NDArray key, NDArray value) {
    replace(keys, layer, key);
    replace(values, layer, value);
    if (layer == keys.length - 1) {
      length = (int) key.getShape().get(2);
    }
  }

  private static void replace(NDArray[] slots, int layer, NDArray array) {
    NDScope.unregister(array);
    if (slots[layer] != null && slots[layer] != array) {
      slots[layer].close();
    }
    slots[layer] = array;
  }

  @Override
  public void close() {
    for (int layer = 0; layer < keys.length; layer++) {
      if (keys[layer] != null) {
        keys[layer].close();
        values[layer].close();
        keys[layer] = null;
        values[layer] = null;
      }
    }
    length = 0;
  }
}
