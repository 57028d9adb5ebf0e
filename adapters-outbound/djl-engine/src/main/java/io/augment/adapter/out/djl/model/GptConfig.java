package io.augment.adapter.out.djl.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment.adapter.out.djl.format.Json;
import java.util.Set;

/**
 * Size of a GPT-2 style decoder: token and position embeddings, {@code layers} pre-LayerNorm blocks
 * of causal self-attention and a 4x MLP, LM head tied to the token embedding.
 *
 * @param vocabSize     tokens in the vocabulary
 * @param contextLength most positions (n_positions)
 * @param dModel        width (n_embd)
 * @param layers        blocks (n_layer)
 * @param heads         attention heads (n_head); must divide dModel
 * @param activation    MLP activation as HuggingFace names it: {@code gelu} (erf) or {@code gelu_new} (tanh)
 * @param layerNormEps  LayerNorm epsilon
 */
public record GptConfig(int vocabSize, int contextLength, int dModel, int layers, int heads, String activation,
    double layerNormEps) {
  private static final Set<String> TANH_GELU = Set.of("gelu_new", "gelu_pytorch_tanh");

  public GptConfig {
    if (vocabSize < 2 || contextLength < 2 || dModel < 1 || layers < 1 || heads < 1 || dModel % heads != 0) {
      throw new IllegalArgumentException("invalid model size: " + vocabSize + "/" + contextLength + "/" + dModel
          + "/" + layers + "/" + heads + " (dModel must be a multiple of heads)");
    }
    if (!activation.equals("gelu") && !TANH_GELU.contains(activation)) {
      throw new IllegalArgumentException("unsupported activation " + activation);
    }
  }

  /** A model with the exact (erf) GELU, cheapest on this engine. */
  public static GptConfig of(int vocabSize, int contextLength, int dModel, int layers, int heads) {
    return new GptConfig(vocabSize, contextLength, dModel, layers, heads, "gelu", 1e-5);
  }

  public GptConfig withVocabSize(int size) {
    return new GptConfig(size, contextLength, dModel, layers, heads, activation, layerNormEps);
  }

  public int headDim() {
    return dModel / heads;
  }

  public boolean tanhGelu() {
    return TANH_GELU.contains(activation);
  }

  public long parameterCount() {
    long d = dModel;
    long perLayer = 4 * d + (3 * d * d + 3 * d) + (d * d + d) + (4 * d * d + 4 * d) + (4 * d * d + d);
    return (long) vocabSize * d + (long) contextLength * d + layers * perLayer + 2 * d;
  }

  /** The {@code config.json} HuggingFace's {@code GPT2LMHeadModel} reads. */
  public ObjectNode toHuggingFace(int endOfText) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.putArray("architectures").add("GPT2LMHeadModel");
    node.put("model_type", "gpt2").put("vocab_size", vocabSize).put("n_positions", contextLength)
        .put("n_ctx", contextLength).put("n_embd", dModel).put("n_layer", layers).put("n_head", heads);
    node.putNull("n_inner");
    node.put("activation_function", activation).put("layer_norm_epsilon", layerNormEps)
        .put("resid_pdrop", 0.0).put("embd_pdrop", 0.0).put("attn_pdrop", 0.0)
        .put("initializer_range", 0.02).put("scale_attn_weights", true).put("tie_word_embeddings", true)
        .put("use_cache", true).put("torch_dtype", "float32");
    if (endOfText >= 0) {
      node.put("bos_token_id", endOfText).put("eos_token_id", endOfText);
    }
    return node;
  }

  /** Reads a GPT-2 {@code config.json}; rejects variants this engine does not compute. */
  public static GptConfig fromHuggingFace(JsonNode node) {
    String type = node.path("model_type").asText("gpt2");
    if (!type.equals("gpt2")) {
      throw new IllegalArgumentException("model_type " + type + " is not gpt2");
    }
    int dModel = node.path("n_embd").asInt();
    if (!node.path("n_inner").isNull() && node.has("n_inner") && node.get("n_inner").asInt() != 4 * dModel) {
      throw new IllegalArgumentException("n_inner other than 4 * n_embd is not supported");
    }
    if (node.path("scale_attn_by_inverse_layer_idx").asBoolean(false)
        || node.path("reorder_and_upcast_attn").asBoolean(false) || !node.path("scale_attn_weights").asBoolean(true)
        || !node.path("tie_word_embeddings").asBoolean(true)) {
      throw new IllegalArgumentException("this GPT-2 variant (attention scaling or untied head) is not supported");
    }
    return new GptConfig(node.path("vocab_size").asInt(), node.path("n_positions").asInt(),
        dModel, node.path("n_layer").asInt(), node.path("n_head").asInt(),
        node.path("activation_function").asText("gelu_new"), node.path("layer_norm_epsilon").asDouble(1e-5));
  }
}
