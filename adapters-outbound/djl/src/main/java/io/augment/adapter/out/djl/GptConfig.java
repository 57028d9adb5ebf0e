package io.augment.adapter.out.djl;

import com.google.gson.JsonObject;

/**
 * Size of a GPT-2 style decoder: token and position embeddings, {@code layers} pre-LayerNorm blocks,
 * tied LM head. Serialised with the Hugging Face GPT-2 {@code config.json} keys.
 */
public record GptConfig(int vocabSize, int contextLength, int dModel, int layers, int heads) {
  public GptConfig {
    if (dModel % heads != 0) {
      throw new IllegalArgumentException("dModel must be divisible by heads");
    }
  }

  public long parameterCount() {
    long d = dModel;
    long perLayer = 4 * d + (d * 3 * d + 3 * d) + (d * d + d) + (d * 4 * d + 4 * d) + (4 * d * d + d);
    return (long) vocabSize * d + (long) contextLength * d + layers * perLayer + 2 * d;
  }

  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("model_type", "gpt2");
    o.addProperty("vocab_size", vocabSize);
    o.addProperty("n_positions", contextLength);
    o.addProperty("n_ctx", contextLength);
    o.addProperty("n_embd", dModel);
    o.addProperty("n_layer", layers);
    o.addProperty("n_head", heads);
    o.addProperty("layer_norm_epsilon", 1e-5);
    o.addProperty("activation_function", "gelu_new");
    o.addProperty("tie_word_embeddings", true);
    return o;
  }

  static GptConfig fromJson(JsonObject o) {
    return new GptConfig(o.get("vocab_size").getAsInt(), o.get("n_positions").getAsInt(),
        o.get("n_embd").getAsInt(), o.get("n_layer").getAsInt(), o.get("n_head").getAsInt());
  }
}
