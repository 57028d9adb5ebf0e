package io.augment.adapter.out.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.Map;

/**
 * A GPT-2 style decoder over weights named as in HuggingFace's GPT-2 (without the
 * {@code transformer.} prefix). Computation only: callers own the scope that frees intermediates.
 */
public final class GptModel implements AutoCloseable {
  private final GptConfig config;
  private final NDManager manager;
  private final Map<String, NDArray> weights;
  private final NDArray causalMask;
  private final NDArray attentionScale;
  private final Scalars scalars;

  /** Takes ownership of {@code manager} and the weights in it. */
  public GptModel(GptConfig config, NDManager manager, Map<String, NDArray> weights) {
    this.config = config;
    this.manager = manager;
    this.weights = Collections.unmodifiableMap(weights);
    GptWeights.checkShapes(config, weights);
    int n = config.contextLength();
    float[] mask = new float[n * n];
    for (int row = 0; row < n; row++) {
      for (int column = row + 1; column < n; column++) {
        mask[row * n + column] = Float.NEGATIVE_INFINITY;
      }
    }
    causalMask = manager.create(mask, new Shape(n, n));
    scalars = new Scalars(manager);
    attentionScale = scalars.of((float) (1 / Math.sqrt(config.headDim())));
  }

  public GptConfig config() {
    return config;
  }

  public NDManager manager() {
    return manager;
  }

  /** Weights by HuggingFace name; projection weights as {@code [out, in]}. */
  public Map<String, NDArray> weights() {
    return weights;
  }

  public NDArray weight(String name) {
    return weights.get(name);
  }

  /**
   * Logits {@code [batch, time, vocab]} for token ids {@code [batch, time]} (INT64), continuing
   * after the positions in {@code cache} when one is given (and extending it).
   *
   * @param lastOnly compute logits for the last position only
   */
  public NDArray forward(NDArray tokens, LoraDelta lora, KvCache cache, boolean lastOnly) {
    int time = (int) tokens.getShape().get(1);
    int past = cache == null ? 0 : cache.length();
    if (past + time > config.contextLength()) {
      throw new IllegalArgumentException("sequence of " + (past + time) + " exceeds context " + config.contextLength());
    }
    NDArray positions = weight("wpe.weight").get(new NDIndex("{}:{}", past, past + time));
    NDArray x = Ops.embedding(tokens, weight("wte.weight")).add(positions);
    for (int layer = 0; layer < config.layers(); layer++) {
      x = block(layer, x, lora, cache, past);
    }
    if (lastOnly && time > 1) {
      x = x.get(new NDIndex(":, -1:, :"));
    }
    x = layerNorm("ln_f", x);
    return Ops.linear(x, weight("wte.weight"), null);
  }

  private NDArray block(int layer, NDArray x, LoraDelta lora, KvCache cache, int past) {
    String prefix = "h." + layer + ".";
    NDArray attended = attention(layer, layerNorm(prefix + "ln_1", x), lora, cache, past);
    x = x.add(attended);
    NDArray hidden = project(layer, Projection.MLP_UP, layerNorm(prefix + "ln_2", x), lora);
    hidden = config.tanhGelu() ? Ops.geluTanh(hidden, scalars) : Ops.gelu(hidden);
    return x.add(project(layer, Projection.MLP_DOWN, hidden, lora));
  }

  private NDArray attention(int layer, NDArray x, LoraDelta lora, KvCache cache, int past) {
    long batch = x.getShape().get(0);
    long time = x.getShape().get(1);
    NDList qkv = project(layer, Projection.ATTENTION_QKV, x, lora).split(3, 2);
    NDArray query = heads(qkv.get(0), batch, time);
    NDArray key = heads(qkv.get(1), batch, time);
    NDArray value = heads(qkv.get(2), batch, time);
    if (cache != null) {
      if (past > 0) {
        key = NDArrays.concat(new NDList(cache.keys(layer), key), 2);
        value = NDArrays.concat(new NDList(cache.values(layer), value), 2);
      }
      cache.put(layer, key, value);
    }
    NDArray scores = query.matMul(key.transpose(0, 1, 3, 2)).mul(attentionScale);
    if (time > 1) {
      scores = scores.add(causalMask.get(new NDIndex("{}:{}, 0:{}", past, past + time, past + time)));
    }
    NDArray mixed = scores.softmax(-1).matMul(value).transpose(0, 2, 1, 3).reshape(batch, time, config.dModel());
    return project(layer, Projection.ATTENTION_OUT, mixed, lora);
  }

  private NDArray heads(NDArray x, long batch, long time) {
    return x.reshape(batch, time, config.heads(), config.headDim()).transpose(0, 2, 1, 3);
  }

  private NDArray project(int layer, Projection projection, NDArray x, LoraDelta lora) {
    String module = projection.module(layer);
    NDArray out = Ops.linear(x, weight(module + ".weight"), weight(module + ".bias"));
    NDArray delta = lora.apply(layer, projection, x);
    return delta == null ? out : out.add(delta);
  }

  private NDArray layerNorm(String name, NDArray x) {
    return Ops.layerNorm(x, weight(name + ".weight"), weight(name + ".bias"), (float) config.layerNormEps());
  }

  /** Token ids as the INT64 array {@link #forward} takes. */
  public NDArray tokens(int[][] ids) {
    long[] flat = new long[ids.length * ids[0].length];
    for (int row = 0; row < ids.length; row++) {
      for (int column = 0; column < ids[0].length; column++) {
        flat[row * ids[0].length + column] = ids[row][column];
      }
    }
    return manager.create(flat, new Shape(ids.length, ids[0].length));
  }

  public long parameterCount() {
    return weights.values().stream().mapToLong(NDArray::size).sum();
  }

  @Override
  public void close() {
    manager.close();
  }
}
