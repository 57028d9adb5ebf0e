package io.augment.adapter.out.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Forward pass of the GPT-2 decoder over {@link GptWeights}, optionally through a {@link LoraAdapter}.
 * Stateless; every intermediate belongs to the caller's NDScope.
 */
public final class GptModel {
  private GptModel() {}

  /** Logits {@code [B, T, vocab]} for int64 token ids {@code [B, T]}, T at most the context length. */
  public static NDArray logits(GptWeights w, LoraAdapter lora, NDArray tokens, boolean training) {
    GptConfig c = w.config();
    long b = tokens.getShape().get(0);
    int t = (int) tokens.getShape().get(1);
    NDArray x = w.get("wte.weight").get(tokens).add(w.get("wpe.weight").get(new NDIndex("0:{}", t)));
    NDArray mask = causalMask(tokens, t);
    for (int i = 0; i < c.layers(); i++) {
      String h = "h." + i + ".";
      x = x.add(attention(w, lora, h, layerNorm(w, x, h + "ln_1"), mask, b, t, training));
      NDArray hidden = gelu(linear(w, lora, h, "mlp.c_fc", layerNorm(w, x, h + "ln_2"), training));
      x = x.add(linear(w, lora, h, "mlp.c_proj", hidden, training));
    }
    return layerNorm(w, x, "ln_f").matMul(w.get("wte.weight").transpose());
  }

  /** Mean next-token cross-entropy of {@code logits [B, T, V]} against {@code targets [B, T]}. */
  public static NDArray loss(NDArray logits, NDArray targets) {
    long vocab = logits.getShape().get(2);
    NDArray logp = logits.logSoftmax(-1);
    return logp.mul(targets.oneHot((int) vocab)).sum(new int[] {-1}).mean().neg();
  }

  private static NDArray attention(GptWeights w, LoraAdapter lora, String h, NDArray x, NDArray mask,
      long b, int t, boolean training) {
    int heads = w.config().heads();
    int d = w.config().dModel();
    NDList qkv = linear(w, lora, h, "attn.c_attn", x, training).split(3, 2);
    NDArray q = heads(withDelta(qkv.get(0), lora, h + "attn.q_proj", x, training), b, t, heads, d);
    NDArray k = heads(withDelta(qkv.get(1), lora, h + "attn.k_proj", x, training), b, t, heads, d);
    NDArray v = heads(withDelta(qkv.get(2), lora, h + "attn.v_proj", x, training), b, t, heads, d);
    NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1 / Math.sqrt(d / heads))).add(mask).softmax(-1);
    NDArray y = att.matMul(v).transpose(0, 2, 1, 3).reshape(new Shape(b, t, d));
    return linear(w, lora, h, "attn.c_proj", y, training);
  }

  private static NDArray heads(NDArray x, long b, int t, int heads, int d) {
    return x.reshape(new Shape(b, t, heads, d / heads)).transpose(0, 2, 1, 3);
  }

  private static NDArray linear(GptWeights w, LoraAdapter lora, String h, String module, NDArray x, boolean training) {
    NDArray y = x.matMul(w.get(h + module + ".weight")).add(w.get(h + module + ".bias"));
    return withDelta(y, lora, h + module, x, training);
  }

  private static NDArray withDelta(NDArray y, LoraAdapter lora, String key, NDArray x, boolean training) {
    NDArray delta = lora == null ? null : lora.delta(key, x, training);
    return delta == null ? y : y.add(delta);
  }

  private static NDArray layerNorm(GptWeights w, NDArray x, String name) {
    NDArray centred = x.sub(x.mean(new int[] {-1}, true));
    NDArray var = centred.square().mean(new int[] {-1}, true);
    return centred.div(var.add(1e-5f).sqrt()).mul(w.get(name + ".weight")).add(w.get(name + ".bias"));
  }

  /** GPT-2's tanh approximation of GELU ({@code gelu_new}). */
  private static NDArray gelu(NDArray x) {
    NDArray inner = x.add(x.pow(3).mul(0.044715f)).mul((float) Math.sqrt(2 / Math.PI));
    return x.mul(inner.tanh().add(1f)).mul(0.5f);
  }

  private static NDArray causalMask(NDArray tokens, int t) {
    float[] m = new float[t * t];
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        m[i * t + j] = -1e9f;
      }
    }
    return tokens.getManager().create(m, new Shape(t, t));
  }
}
