package io.augment.adapter.out.djl.model;

import io.augment.adapter.out.djl.format.Tensor;
import java.util.Map;

/**
 * GPT-2's forward pass written out in plain loops over a HuggingFace state dict (Conv1D weights
 * {@code [in, out]}, gelu_new), independent of the engine, to check the engine against.
 */
final class ReferenceGpt2 {
  private final Map<String, float[]> w = new java.util.HashMap<>();
  private final int d;
  private final int heads;
  private final int layers;
  private final int vocab;
  private final double eps;

  ReferenceGpt2(GptConfig config, Map<String, Tensor> tensors) {
    tensors.forEach((name, tensor) -> w.put(name, tensor.values()));
    d = config.dModel();
    heads = config.heads();
    layers = config.layers();
    vocab = config.vocabSize();
    eps = config.layerNormEps();
  }

  /** Logits {@code [time * vocab]}. */
  float[] logits(int[] tokens) {
    int time = tokens.length;
    float[][] x = new float[time][d];
    for (int t = 0; t < time; t++) {
      for (int i = 0; i < d; i++) {
        x[t][i] = w.get("wte.weight")[tokens[t] * d + i] + w.get("wpe.weight")[t * d + i];
      }
    }
    for (int l = 0; l < layers; l++) {
      String p = "h." + l + ".";
      float[][] qkv = matmul(norm(x, p + "ln_1"), p + "attn.c_attn", d, 3 * d);
      float[][] mixed = attend(qkv, time);
      add(x, matmul(mixed, p + "attn.c_proj", d, d));
      float[][] hidden = matmul(norm(x, p + "ln_2"), p + "mlp.c_fc", d, 4 * d);
      for (float[] row : hidden) {
        for (int i = 0; i < row.length; i++) {
          double v = row[i];
          row[i] = (float) (0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))));
        }
      }
      add(x, matmul(hidden, p + "mlp.c_proj", 4 * d, d));
    }
    float[][] out = norm(x, "ln_f");
    float[] logits = new float[time * vocab];
    for (int t = 0; t < time; t++) {
      for (int v = 0; v < vocab; v++) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
          sum += out[t][i] * w.get("wte.weight")[v * d + i];
        }
        logits[t * vocab + v] = (float) sum;
      }
    }
    return logits;
  }

  private float[][] attend(float[][] qkv, int time) {
    int hd = d / heads;
    float[][] mixed = new float[time][d];
    for (int h = 0; h < heads; h++) {
      for (int t = 0; t < time; t++) {
        double[] scores = new double[t + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s <= t; s++) {
          double dot = 0;
          for (int i = 0; i < hd; i++) {
            dot += qkv[t][h * hd + i] * qkv[s][d + h * hd + i];
          }
          scores[s] = dot / Math.sqrt(hd);
          max = Math.max(max, scores[s]);
        }
        double total = 0;
        for (int s = 0; s <= t; s++) {
          scores[s] = Math.exp(scores[s] - max);
          total += scores[s];
        }
        for (int s = 0; s <= t; s++) {
          for (int i = 0; i < hd; i++) {
            mixed[t][h * hd + i] += (float) (scores[s] / total * qkv[s][2 * d + h * hd + i]);
          }
        }
      }
    }
    return mixed;
  }

  private float[][] norm(float[][] x, String name) {
    float[][] out = new float[x.length][d];
    for (int t = 0; t < x.length; t++) {
      double mean = 0;
      double var = 0;
      for (float v : x[t]) {
        mean += v;
      }
      mean /= d;
      for (float v : x[t]) {
        var += (v - mean) * (v - mean);
      }
      var /= d;
      for (int i = 0; i < d; i++) {
        out[t][i] = (float) ((x[t][i] - mean) / Math.sqrt(var + eps) * w.get(name + ".weight")[i]
            + w.get(name + ".bias")[i]);
      }
    }
    return out;
  }

  private float[][] matmul(float[][] x, String module, int in, int out) {
    float[] weight = w.get(module + ".weight");
    float[] bias = w.get(module + ".bias");
    float[][] y = new float[x.length][out];
    for (int t = 0; t < x.length; t++) {
      for (int o = 0; o < out; o++) {
        double sum = bias[o];
        for (int i = 0; i < in; i++) {
          sum += x[t][i] * weight[i * out + o];
        }
        y[t][o] = (float) sum;
      }
    }
    return y;
  }

  private static void add(float[][] x, float[][] y) {
    for (int t = 0; t < x.length; t++) {
      for (int i = 0; i < x[t].length; i++) {
        x[t][i] += y[t][i];
      }
    }
  }
}
