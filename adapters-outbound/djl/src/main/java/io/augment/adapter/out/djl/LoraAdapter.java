package io.augment.adapter.out.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.augment.domain.adaptation.LoraSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Low-rank adapters over a frozen {@link GptWeights}: for each targeted linear module,
 * {@code y += (alpha / r) * dropout(x) A^T B^T} with A {@code [r, in]}, B {@code [out, r]} (PEFT
 * shapes), B starting at zero. Owns its NDManager.
 */
public final class LoraAdapter implements AutoCloseable {
  private final LoraSettings settings;
  private final String baseModel;
  private final NDManager manager;
  /** Keyed {@code h.<layer>.<module>}; value {A, B}. */
  private final Map<String, NDArray[]> pairs;

  LoraAdapter(LoraSettings settings, String baseModel, NDManager manager, Map<String, NDArray[]> pairs) {
    this.settings = settings;
    this.baseModel = baseModel;
    this.manager = manager;
    this.pairs = pairs;
  }

  /** A random (Kaiming-uniform) and B zero, so the adapted model starts equal to the base. */
  public static LoraAdapter create(GptConfig c, LoraSettings s, String baseModel, long seed) {
    Random random = new Random(seed);
    NDManager m = NDManager.newBaseManager();
    Map<String, NDArray[]> pairs = new LinkedHashMap<>();
    for (int i = 0; i < c.layers(); i++) {
      for (String module : LoraTargets.resolve(s.targetModules())) {
        int[] io = LoraTargets.dims(module, c.dModel());
        float bound = (float) (1 / Math.sqrt(io[0]));
        float[] a = new float[s.rank() * io[0]];
        for (int j = 0; j < a.length; j++) {
          a[j] = (random.nextFloat() * 2 - 1) * bound;
        }
        pairs.put("h." + i + "." + module,
            new NDArray[] {m.create(a, new Shape(s.rank(), io[0])), m.zeros(new Shape(io[1], s.rank()))});
      }
    }
    return new LoraAdapter(s, baseModel, m, pairs);
  }

  public double scale() {
    return settings.alpha() / settings.rank();
  }

  /** The adapter's contribution for {@code x} at {@code key}, or null when the module is not adapted. */
  NDArray delta(String key, NDArray x, boolean training) {
    NDArray[] ab = pairs.get(key);
    if (ab == null) {
      return null;
    }
    NDArray in = x;
    if (training && settings.dropout() > 0) {
      float keep = (float) (1 - settings.dropout());
      NDArray mask = x.getManager().randomUniform(0, 1, x.getShape()).lt(keep).toType(DataType.FLOAT32, false);
      in = x.mul(mask).div(keep);
    }
    return in.matMul(ab[0].transpose()).matMul(ab[1].transpose()).mul((float) scale());
  }

  /** A copy of {@code base} with {@code W + (alpha/r) (B A)^T} folded into each targeted weight. */
  public GptWeights mergeInto(GptWeights base) {
    GptWeights merged = base.copy();
    for (var e : pairs.entrySet()) {
      String key = e.getKey();
      int dot = key.indexOf('.', 2);
      String layer = key.substring(0, dot + 1);
      String module = key.substring(dot + 1);
      NDArray delta = e.getValue()[0].transpose().matMul(e.getValue()[1].transpose()).mul((float) scale());
      String parent = LoraTargets.fusedParent(module);
      NDArray w = merged.get(layer + (parent == null ? module : parent) + ".weight");
      if (parent == null) {
        w.addi(delta);
      } else {
        int d = (int) delta.getShape().get(1);
        int from = LoraTargets.sliceIndex(module) * d;
        NDIndex cols = new NDIndex(":, {}:{}", from, from + d);
        w.set(cols, w.get(cols).add(delta));
      }
      delta.close();
    }
    return merged;
  }

  public Map<String, NDArray[]> pairs() {
    return pairs;
  }

  public long parameterCount() {
    return pairs.values().stream().mapToLong(p -> p[0].size() + p[1].size()).sum();
  }

  public LoraSettings settings() {
    return settings;
  }

  public String baseModel() {
    return baseModel;
  }

  NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    manager.close();
  }
}
