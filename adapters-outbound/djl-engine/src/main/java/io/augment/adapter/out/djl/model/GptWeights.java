package io.augment.adapter.out.djl.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.augment.adapter.out.djl.format.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names, shapes and initial values of a {@link GptModel}'s weights, and their file form. */
public final class GptWeights {
  private GptWeights() {}

  /** Every weight with its in-memory shape (projection weights {@code [out, in]}), in file order. */
  public static Map<String, long[]> shapes(GptConfig config) {
    long d = config.dModel();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    shapes.put("wte.weight", new long[] {config.vocabSize(), d});
    shapes.put("wpe.weight", new long[] {config.contextLength(), d});
    for (int layer = 0; layer < config.layers(); layer++) {
      String prefix = "h." + layer + ".";
      shapes.put(prefix + "ln_1.weight", new long[] {d});
      shapes.put(prefix + "ln_1.bias", new long[] {d});
      for (Projection projection : Projection.values()) {
        if (projection == Projection.MLP_UP) {
          shapes.put(prefix + "ln_2.weight", new long[] {d});
          shapes.put(prefix + "ln_2.bias", new long[] {d});
        }
        String module = projection.module(layer);
        shapes.put(module + ".weight", new long[] {projection.out(config), projection.in(config)});
        shapes.put(module + ".bias", new long[] {projection.out(config)});
      }
    }
    shapes.put("ln_f.weight", new long[] {d});
    shapes.put("ln_f.bias", new long[] {d});
    return shapes;
  }

  static void checkShapes(GptConfig config, Map<String, NDArray> weights) {
    Map<String, long[]> expected = shapes(config);
    if (!expected.keySet().equals(weights.keySet())) {
      throw new IllegalArgumentException("weights do not match the configuration: expected " + expected.keySet());
    }
    expected.forEach((name, shape) -> {
      if (!Arrays.equals(shape, weights.get(name).getShape().getShape())) {
        throw new IllegalArgumentException(name + " has shape " + weights.get(name).getShape() + ", expected "
            + Arrays.toString(shape));
      }
    });
  }

  /** GPT-2's initialisation: N(0, 0.02), residual projections scaled by 1/sqrt(2 layers), LayerNorm 1 and 0. */
  public static GptModel initialize(GptConfig config, NDManager parent, long seed) {
    Engine.getInstance().setRandomSeed((int) seed);
    NDManager manager = parent.newSubManager();
    Map<String, NDArray> weights = new LinkedHashMap<>();
    float residualStd = (float) (0.02 / Math.sqrt(2.0 * config.layers()));
    shapes(config).forEach((name, shape) -> {
      Shape s = new Shape(shape);
      NDArray value;
      if (name.endsWith(".bias") || (name.contains("ln_") && name.endsWith(".weight"))) {
        value = name.contains("ln_") && name.endsWith(".weight") ? manager.ones(s) : manager.zeros(s);
      } else {
        boolean residual = name.endsWith("attn.c_proj.weight") || name.endsWith("mlp.c_proj.weight");
        value = manager.randomNormal(0, residual ? residualStd : 0.02f, s, DataType.FLOAT32);
      }
      weights.put(name, value);
    });
    return new GptModel(config, manager, weights);
  }

  /** A model from tensors in file layout (GPT-2's {@code Conv1D} projections, {@code [in, out]}). */
  public static GptModel fromTensors(GptConfig config, NDManager parent, Map<String, Tensor> tensors) {
    NDManager manager = parent.newSubManager();
    Map<String, NDArray> weights = new LinkedHashMap<>();
    for (String name : shapes(config).keySet()) {
      Tensor tensor = tensors.get(name);
      if (tensor == null) {
        manager.close();
        throw new IllegalArgumentException("checkpoint lacks " + name);
      }
      weights.put(name, fromFile(manager, name, tensor));
    }
    return new GptModel(config, manager, weights);
  }

  /**
   * A copy of the data (never a view of a file mapping), transposed to {@code [out, in]} for
   * projections and always contiguous, as {@link #initialize} makes them: a strided copy would take
   * another matrix-multiply path, and a resumed run would drift from an unbroken one by rounding.
   */
  static NDArray fromFile(NDManager manager, String name, Tensor tensor) {
    float[] values = tensor.values();
    long[] shape = tensor.shape();
    if (!Projection.isProjectionWeight(name)) {
      return manager.create(values, new Shape(shape));
    }
    int rows = (int) shape[0];
    int columns = (int) shape[1];
    float[] transposed = new float[values.length];
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        transposed[column * rows + row] = values[row * columns + column];
      }
    }
    return manager.create(transposed, new Shape(columns, rows));
  }

  /** The model's weights in file layout. */
  public static Map<String, Tensor> toTensors(GptModel model) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    model.weights().forEach((name, value) -> tensors.put(name, toFile(name, value)));
    return tensors;
  }

  static Tensor toFile(String name, NDArray value) {
    if (!Projection.isProjectionWeight(name)) {
      return new Tensor(value.getShape().getShape(), value.toByteBuffer());
    }
    try (NDArray transposed = value.transpose(1, 0)) {
      return new Tensor(transposed.getShape().getShape(), transposed.toByteBuffer());
    }
  }

  /** An independent copy, e.g. to merge adapters into. */
  public static GptModel copy(GptModel model, NDManager parent) {
    NDManager manager = parent.newSubManager();
    Map<String, NDArray> weights = new LinkedHashMap<>();
    model.weights().forEach((name, value) -> {
      NDArray copy = value.duplicate();
      copy.attach(manager);
      weights.put(name, copy);
    });
    return new GptModel(model.config(), manager, weights);
  }
}
