package io.augment.adapter.out.djl.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.augment.adapter.out.djl.format.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Low-rank adapters over a frozen {@link GptModel}: for each adapted projection, {@code A [R, in]}
 * and {@code B [out, R]}, adding {@code scale * B A x}. Query/key/value slices trained separately
 * share one fused pair whose fixed mask keeps B block-diagonal (zero for untargeted slices).
 */
public final class LoraWeights implements AutoCloseable {

  /** One adapted projection; {@code mask} is null unless slices are trained separately. */
  public record Pair(NDArray a, NDArray b, NDArray mask, float scale) {
    public long trainableCount() {
      if (mask == null) {
        return a.size() + b.size();
      }
      try (NDArray ones = mask.sum()) {
        return a.size() + (long) ones.getFloat();
      }
    }
  }

  private final LoraSpec spec;
  private final NDManager manager;
  private final Map<String, Pair> pairs;
  private final Scalars scalars;

  /** Takes ownership of {@code manager}; pairs are keyed by module, e.g. {@code h.0.attn.c_attn}. */
  public LoraWeights(LoraSpec spec, NDManager manager, Map<String, Pair> pairs) {
    this.spec = spec;
    this.manager = manager;
    this.pairs = Collections.unmodifiableMap(new TreeMap<>(pairs));
    this.scalars = new Scalars(manager);
  }

  /** Fresh adapters: A uniform in +-1/sqrt(in) (PEFT's Kaiming init), B zero, so the model is unchanged. */
  public static LoraWeights initialize(GptConfig config, LoraSpec spec, NDManager parent, long seed) {
    Engine.getInstance().setRandomSeed((int) seed);
    NDManager manager = parent.newSubManager();
    Map<String, Pair> pairs = new TreeMap<>();
    List<LoraTarget> slices = spec.slices();
    for (int layer = 0; layer < config.layers(); layer++) {
      for (LoraTarget target : spec.targets()) {
        if (target.slice() >= 0 && target != slices.get(0)) {
          continue;
        }
        Projection projection = target.projection();
        int rank = target.slice() >= 0 ? spec.rank() * slices.size() : spec.rank();
        float bound = (float) (1 / Math.sqrt(projection.in(config)));
        NDArray a = manager.randomUniform(-bound, bound, new Shape(rank, projection.in(config)), DataType.FLOAT32);
        NDArray b = manager.zeros(new Shape(projection.out(config), rank));
        NDArray mask = target.slice() >= 0 ? sliceMask(manager, config, spec.rank(), slices) : null;
        pairs.put(projection.module(layer), new Pair(a, b, mask, spec.scale()));
      }
    }
    return new LoraWeights(spec, manager, pairs);
  }

  private static NDArray sliceMask(NDManager manager, GptConfig config, int rank, List<LoraTarget> slices) {
    int d = config.dModel();
    NDArray mask = manager.zeros(new Shape(3L * d, (long) rank * slices.size()));
    for (int s = 0; s < slices.size(); s++) {
      int row = slices.get(s).slice() * d;
      mask.set(new NDIndex("{}:{}, {}:{}", row, row + d, s * rank, (s + 1) * rank), 1f);
    }
    return mask;
  }

  public LoraSpec spec() {
    return spec;
  }

  public NDManager manager() {
    return manager;
  }

  public Map<String, Pair> pairs() {
    return pairs;
  }

  public List<NDArray> parameters() {
    List<NDArray> parameters = new ArrayList<>();
    pairs.values().forEach(p -> {
      parameters.add(p.a());
      parameters.add(p.b());
    });
    return parameters;
  }

  public long trainableCount() {
    return pairs.values().stream().mapToLong(Pair::trainableCount).sum();
  }

  /** The update as trained: dropout on the input, masks applied. */
  public LoraDelta trainingDelta() {
    return (layer, projection, x) -> {
      Pair pair = pairs.get(projection.module(layer));
      if (pair == null) {
        return null;
      }
      NDArray b = pair.mask() == null ? pair.b() : pair.b().mul(pair.mask());
      NDArray low = Ops.linear(Ops.dropout(x, spec.dropout(), true), pair.a(), null);
      return Ops.linear(low, b, null).mul(scalars.of(pair.scale()));
    };
  }

  /** Sets A and B of each pair from {@code tensors} ({@code <module>.A}, {@code <module>.B}), as {@link #rawTensors()} wrote them. */
  public void load(Map<String, Tensor> tensors) {
    pairs.forEach((module, pair) -> {
      for (String part : new String[] {"A", "B"}) {
        NDArray target = part.equals("A") ? pair.a() : pair.b();
        var saved = tensors.get(module + "." + part);
        if (saved == null || !java.util.Arrays.equals(saved.shape(), target.getShape().getShape())) {
          throw new IllegalArgumentException("the saved adapter does not fit (" + module + "." + part + ")");
        }
        target.set(saved.values()); // a copy: saved data may be a read-only file mapping
      }
    });
  }

  /** A and B of each pair exactly as trained (masks not applied), for checkpoints. */
  public Map<String, Tensor> rawTensors() {
    Map<String, Tensor> tensors = new TreeMap<>();
    pairs.forEach((module, pair) -> {
      tensors.put(module + ".A", new Tensor(pair.a().getShape().getShape(),
          pair.a().toByteBuffer()));
      tensors.put(module + ".B", new Tensor(pair.b().getShape().getShape(),
          pair.b().toByteBuffer()));
    });
    return tensors;
  }

  /** The update without dropout, as measured on validation data during training. */
  public LoraDelta evaluationDelta() {
    return (layer, projection, x) -> {
      Pair pair = pairs.get(projection.module(layer));
      if (pair == null) {
        return null;
      }
      NDArray b = pair.mask() == null ? pair.b() : pair.b().mul(pair.mask());
      return Ops.linear(Ops.linear(x, pair.a(), null), b, null).mul(scalars.of(pair.scale()));
    };
  }

  /** {@code scale * B} with its mask applied, the form inference and merging use. */
  NDArray scaledB(Pair pair) {
    if (pair.mask() == null) {
      return pair.b().mul(pair.scale());
    }
    try (NDArray masked = pair.b().mul(pair.mask())) {
      return masked.mul(pair.scale());
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
