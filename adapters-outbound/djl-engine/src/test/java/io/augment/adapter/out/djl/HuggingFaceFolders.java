package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.format.SafeTensors;
import io.augment.adapter.out.djl.format.Tensor;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.model.GptWeights;
import io.augment.adapter.out.djl.model.Projection;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import io.augment.adapter.out.djl.tokenizer.TokenizerJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Writes tiny GPT-2 folders the way HuggingFace's {@code save_pretrained} lays them out. */
public final class HuggingFaceFolders {
  private HuggingFaceFolders() {}

  /** A GPT-2 with gelu_new and random weights; returns its tensors (plain names, file layout). */
  public static Map<String, Tensor> writeGpt2(Path dir, GptConfig config, BpeTokenizer tokenizer, long seed) {
    Random random = new Random(seed);
    Map<String, Tensor> plain = new LinkedHashMap<>();
    GptWeights.shapes(config).forEach((name, shape) -> {
      long[] fileShape = Projection.isProjectionWeight(name) ? new long[] {shape[1], shape[0]} : shape;
      float[] values = new float[(int) Tensor.elementCount(fileShape)];
      boolean norm = name.contains("ln_");
      for (int i = 0; i < values.length; i++) {
        values[i] = norm && name.endsWith(".weight") ? 1 + 0.1f * (float) random.nextGaussian()
            : 0.2f * (float) random.nextGaussian();
      }
      plain.put(name, Tensor.of(fileShape, values));
    });
    Map<String, Tensor> saved = new LinkedHashMap<>();
    plain.forEach((name, tensor) -> saved.put("transformer." + name, tensor));
    int n = config.contextLength();
    float[] causal = new float[n * n];
    for (int row = 0; row < n; row++) {
      for (int column = 0; column <= row; column++) {
        causal[row * n + column] = 1;
      }
    }
    for (int layer = 0; layer < config.layers(); layer++) {
      saved.put("transformer.h." + layer + ".attn.bias", Tensor.of(new long[] {1, 1, n, n}, causal));
    }
    saved.put("lm_head.weight", plain.get("wte.weight"));
    SafeTensors.write(dir.resolve("model.safetensors"), saved, Map.of("format", "pt"));
    var json = Json.MAPPER.createObjectNode();
    json.putArray("architectures").add("GPT2LMHeadModel");
    json.put("model_type", "gpt2").put("vocab_size", config.vocabSize()).put("n_positions", n)
        .put("n_ctx", n).put("n_embd", config.dModel()).put("n_layer", config.layers())
        .put("n_head", config.heads()).put("activation_function", "gelu_new").put("layer_norm_epsilon", 1e-5)
        .put("resid_pdrop", 0.1).put("attn_pdrop", 0.1).put("embd_pdrop", 0.1).put("bos_token_id", 0)
        .put("eos_token_id", tokenizer.endOfText());
    json.putNull("n_inner");
    Json.write(dir.resolve("config.json"), json);
    TokenizerJson.write(tokenizer, dir.resolve("tokenizer.json"));
    return plain;
  }

  public static GptConfig gpt2Config() {
    return new GptConfig(TinyModels.tokenizer().vocabSize(), 16, 32, 2, 4, "gelu_new", 1e-5);
  }
}
