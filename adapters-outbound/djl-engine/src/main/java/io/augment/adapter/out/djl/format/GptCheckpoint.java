package io.augment.adapter.out.djl.format;

import ai.djl.ndarray.NDManager;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.GptWeights;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import io.augment.adapter.out.djl.tokenizer.TokenizerJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model folder in HuggingFace's GPT-2 layout: {@code config.json}, {@code model.safetensors}
 * (F32, GPT-2 tensor names) and {@code tokenizer.json}. Reading also accepts what
 * {@code save_pretrained} writes: a {@code transformer.} prefix, attention-mask buffers, a tied
 * {@code lm_head.weight}, F16 or BF16 data.
 */
public final class GptCheckpoint {
  public static final String CONFIG = "config.json";
  public static final String WEIGHTS = "model.safetensors";
  public static final String TOKENIZER = "tokenizer.json";

  private GptCheckpoint() {}

  /** A model with its tokenizer. */
  public record Loaded(GptModel model, BpeTokenizer tokenizer) implements AutoCloseable {
    @Override
    public void close() {
      model.close();
    }
  }

  public static void write(Path dir, GptModel model, BpeTokenizer tokenizer) {
    Json.write(dir.resolve(CONFIG), model.config().toHuggingFace(tokenizer.endOfText()));
    SafeTensors.write(dir.resolve(WEIGHTS), GptWeights.toTensors(model), Map.of("format", "pt"));
    TokenizerJson.write(tokenizer, dir.resolve(TOKENIZER));
  }

  public static Loaded read(Path dir, NDManager manager) {
    for (String file : new String[] {CONFIG, WEIGHTS, TOKENIZER}) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        throw new IllegalArgumentException(dir + " lacks " + file);
      }
    }
    GptConfig config = GptConfig.fromHuggingFace(Json.read(dir.resolve(CONFIG)));
    BpeTokenizer tokenizer = TokenizerJson.read(dir.resolve(TOKENIZER));
    if (tokenizer.vocabSize() > config.vocabSize()) {
      throw new IllegalArgumentException("tokenizer has " + tokenizer.vocabSize() + " tokens, model only "
          + config.vocabSize());
    }
    Map<String, Tensor> tensors = normalise(SafeTensors.read(dir.resolve(WEIGHTS)).tensors());
    return new Loaded(GptWeights.fromTensors(config, manager, tensors), tokenizer);
  }

  static Map<String, Tensor> normalise(Map<String, Tensor> raw) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    raw.forEach((name, tensor) -> {
      String plain = name.startsWith("transformer.") ? name.substring("transformer.".length()) : name;
      if (!plain.endsWith(".attn.bias") && !plain.endsWith(".attn.masked_bias")) {
        tensors.put(plain, tensor);
      }
    });
    Tensor head = tensors.remove("lm_head.weight");
    if (head != null && !Arrays.equals(head.values(), tensors.get("wte.weight").values())) {
      throw new IllegalArgumentException("lm_head.weight differs from wte.weight; only tied heads are supported");
    }
    return tensors;
  }

  /** Bytes of the folder's files. */
  public static long bytes(Path dir) {
    return Folders.bytes(dir);
  }
}
