package io.augment.adapter.out.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.augment.domain.adaptation.LoraSettings;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hugging Face PEFT layout: {@code adapter_config.json} and {@code adapter_model.safetensors} with
 * tensors named {@code base_model.model.transformer.h.<i>.<module>.lora_A.weight} / {@code lora_B}.
 */
public final class PeftFormat {
  static final String CONFIG = "adapter_config.json";
  static final String WEIGHTS = "adapter_model.safetensors";
  private static final String PREFIX = "base_model.model.transformer.";

  private PeftFormat() {}

  /** Writes both files; returns the bytes of the weights file. */
  public static long save(LoraAdapter adapter, Path dir) {
    LoraSettings s = adapter.settings();
    JsonObject c = new JsonObject();
    c.addProperty("peft_type", "LORA");
    c.addProperty("task_type", "CAUSAL_LM");
    c.addProperty("base_model_name_or_path", adapter.baseModel());
    c.addProperty("r", s.rank());
    c.addProperty("lora_alpha", s.alpha());
    c.addProperty("lora_dropout", s.dropout());
    c.addProperty("fan_in_fan_out", true);
    c.addProperty("bias", "none");
    JsonArray targets = new JsonArray();
    s.targetModules().stream().sorted().forEach(targets::add);
    c.add("target_modules", targets);
    Json.write(dir.resolve(CONFIG), c);
    Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
    adapter.pairs().forEach((key, ab) -> {
      t.put(PREFIX + key + ".lora_A.weight", tensor(ab[0]));
      t.put(PREFIX + key + ".lora_B.weight", tensor(ab[1]));
    });
    return Safetensors.write(dir.resolve(WEIGHTS), t);
  }

  public static LoraAdapter load(Path dir) {
    JsonObject c = Json.read(dir.resolve(CONFIG));
    Set<String> targets = new HashSet<>();
    c.getAsJsonArray("target_modules").forEach(e -> targets.add(e.getAsString()));
    LoraSettings s = new LoraSettings(c.get("r").getAsInt(), c.get("lora_alpha").getAsDouble(),
        c.get("lora_dropout").getAsDouble(), targets);
    NDManager m = NDManager.newBaseManager();
    Map<String, NDArray[]> pairs = new LinkedHashMap<>();
    for (var e : Safetensors.read(dir.resolve(WEIGHTS)).entrySet()) {
      String name = e.getKey();
      boolean isA = name.endsWith(".lora_A.weight");
      String key = name.substring(PREFIX.length(), name.length() - ".lora_A.weight".length());
      NDArray a = m.create(e.getValue().data(), new Shape(e.getValue().shape()));
      pairs.computeIfAbsent(key, k -> new NDArray[2])[isA ? 0 : 1] = a;
    }
    return new LoraAdapter(s, c.get("base_model_name_or_path").getAsString(), m, pairs);
  }

  private static Safetensors.Tensor tensor(NDArray a) {
    return new Safetensors.Tensor(a.getShape().getShape(), a.toFloatArray());
  }
}
