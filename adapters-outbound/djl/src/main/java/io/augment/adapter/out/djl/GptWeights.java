package io.augment.adapter.out.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The parameters of a {@link GptConfig} model, held as NDArrays under Hugging Face GPT-2 names
 * ({@code wte.weight}, {@code h.0.attn.c_attn.weight}, ...). Linear weights use GPT-2's Conv1D
 * layout {@code [in, out]}, so {@code y = x W + b}. Owns its NDManager: close to free native memory.
 */
public final class GptWeights implements AutoCloseable {
  private final GptConfig config;
  private final NDManager manager;
  private final Map<String, NDArray> params;

  private GptWeights(GptConfig config, NDManager manager, Map<String, NDArray> params) {
    this.config = config;
    this.manager = manager;
    this.params = params;
  }

  /** Fresh GPT-2 initialisation: N(0, 0.02), residual projections scaled by 1/sqrt(2 layers). */
  public static GptWeights initialise(GptConfig c, long seed) {
    Random random = new Random(seed);
    NDManager manager = NDManager.newBaseManager();
    Map<String, NDArray> p = new LinkedHashMap<>();
    int d = c.dModel();
    double residual = 0.02 / Math.sqrt(2.0 * c.layers());
    p.put("wte.weight", normal(manager, random, 0.02, c.vocabSize(), d));
    p.put("wpe.weight", normal(manager, random, 0.01, c.contextLength(), d));
    for (int i = 0; i < c.layers(); i++) {
      String h = "h." + i + ".";
      p.put(h + "ln_1.weight", manager.ones(new Shape(d)));
      p.put(h + "ln_1.bias", manager.zeros(new Shape(d)));
      p.put(h + "attn.c_attn.weight", normal(manager, random, 0.02, d, 3 * d));
      p.put(h + "attn.c_attn.bias", manager.zeros(new Shape(3 * d)));
      p.put(h + "attn.c_proj.weight", normal(manager, random, residual, d, d));
      p.put(h + "attn.c_proj.bias", manager.zeros(new Shape(d)));
      p.put(h + "ln_2.weight", manager.ones(new Shape(d)));
      p.put(h + "ln_2.bias", manager.zeros(new Shape(d)));
      p.put(h + "mlp.c_fc.weight", normal(manager, random, 0.02, d, 4 * d));
      p.put(h + "mlp.c_fc.bias", manager.zeros(new Shape(4 * d)));
      p.put(h + "mlp.c_proj.weight", normal(manager, random, residual, 4 * d, d));
      p.put(h + "mlp.c_proj.bias", manager.zeros(new Shape(d)));
    }
    p.put("ln_f.weight", manager.ones(new Shape(d)));
    p.put("ln_f.bias", manager.zeros(new Shape(d)));
    return new GptWeights(c, manager, p);
  }

  /**
   * Loads {@code model.safetensors}; accepts names with or without the {@code transformer.} prefix
   * and ignores GPT-2's attention-mask buffers and a separate (tied) {@code lm_head}.
   */
  public static GptWeights load(GptConfig c, Path safetensors) {
    NDManager manager = NDManager.newBaseManager();
    Map<String, NDArray> p = new LinkedHashMap<>();
    for (var e : Safetensors.read(safetensors).entrySet()) {
      String name = e.getKey().startsWith("transformer.") ? e.getKey().substring(12) : e.getKey();
      if (name.endsWith(".attn.bias") || name.endsWith(".attn.masked_bias") || name.startsWith("lm_head")) {
        continue;
      }
      p.put(name, manager.create(e.getValue().data(), new Shape(e.getValue().shape())));
    }
    GptWeights fresh = new GptWeights(c, manager, p);
    if (p.size() != 2 + 12 * c.layers() + 2) {
      fresh.close();
      throw new IllegalArgumentException("Checkpoint " + safetensors + " does not match " + c);
    }
    return fresh;
  }

  public long save(Path safetensors) {
    Map<String, Safetensors.Tensor> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, new Safetensors.Tensor(v.getShape().getShape(), v.toFloatArray())));
    return Safetensors.write(safetensors, out);
  }

  /** A deep copy with its own manager. */
  public GptWeights copy() {
    NDManager m = NDManager.newBaseManager();
    Map<String, NDArray> p = new LinkedHashMap<>();
    params.forEach((k, v) -> p.put(k, m.create(v.toFloatArray(), v.getShape())));
    return new GptWeights(config, m, p);
  }

  public GptConfig config() {
    return config;
  }

  public NDArray get(String name) {
    NDArray a = params.get(name);
    if (a == null) {
      throw new IllegalArgumentException("No parameter " + name);
    }
    return a;
  }

  public Map<String, NDArray> parameters() {
    return params;
  }

  public long parameterCount() {
    return params.values().stream().mapToLong(NDArray::size).sum();
  }

  NDManager manager() {
    return manager;
  }

  static NDArray normal(NDManager m, Random r, double std, int rows, int cols) {
    float[] f = new float[rows * cols];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) (r.nextGaussian() * std);
    }
    return m.create(f, new Shape(rows, cols));
  }

  @Override
  public void close() {
    manager.close();
  }
}
