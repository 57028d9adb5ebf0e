package io.augment.adapter.out.djl.format;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment.adapter.out.djl.model.LoraSpec;
import io.augment.adapter.out.djl.model.LoraTarget;
import io.augment.adapter.out.djl.model.LoraWeights;
import io.augment.adapter.out.djl.model.Projection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * LoRA adapters in PEFT's layout: {@code adapter_config.json} and {@code adapter_model.safetensors}
 * with tensors {@code base_model.model.transformer.h.<i>.<module>.lora_A.weight} ({@code [r, in]})
 * and {@code ...lora_B.weight} ({@code [out, r]}). Separately trained q/k/v slices are written as
 * one fused {@code c_attn} pair of rank {@code r * slices} with {@code rank_pattern} and
 * {@code alpha_pattern} keeping the scale, which is exactly the same update.
 */
public final class PeftAdapterIo {
  public static final String CONFIG = "adapter_config.json";
  public static final String WEIGHTS = "adapter_model.safetensors";
  private static final String TARGETS_METADATA = "augment.targets";
  private static final Pattern NAME = Pattern.compile(
      "base_model\\.model\\.(?:transformer\\.)?h\\.(\\d+)\\.(attn\\.c_attn|attn\\.c_proj|mlp\\.c_fc|mlp\\.c_proj)"
          + "\\.lora_([AB])(?:\\.[A-Za-z0-9_-]+)?\\.weight");

  private PeftAdapterIo() {}

  /** An adapter read back, with the base model it names. */
  public record Read(LoraWeights weights, String baseModel) {}

  public static void write(Path dir, LoraWeights lora, String baseModel) {
    LoraSpec spec = lora.spec();
    int slices = spec.slices().size();
    ObjectNode config = Json.MAPPER.createObjectNode();
    config.put("peft_type", "LORA").put("task_type", "CAUSAL_LM").put("base_model_name_or_path", baseModel)
        .put("r", spec.rank()).put("lora_alpha", spec.alpha()).put("lora_dropout", spec.dropout());
    var modules = config.putArray("target_modules");
    spec.targets().stream().map(t -> t.slice() >= 0 ? Projection.ATTENTION_QKV.path() : t.projection().path())
        .map(path -> path.equals("attn.c_attn") ? "c_attn" : path).distinct().sorted().forEach(modules::add);
    config.put("fan_in_fan_out", true).put("bias", "none").put("inference_mode", true)
        .put("init_lora_weights", true).put("use_rslora", false).put("use_dora", false);
    config.putNull("modules_to_save");
    config.putNull("layers_to_transform");
    config.putNull("layers_pattern");
    config.putNull("revision");
    ObjectNode ranks = config.putObject("rank_pattern");
    ObjectNode alphas = config.putObject("alpha_pattern");
    if (slices > 1) {
      ranks.put("c_attn", spec.rank() * slices);
      alphas.put("c_attn", spec.alpha() * slices);
    }
    Json.write(dir.resolve(CONFIG), config);

    Map<String, Tensor> tensors = new LinkedHashMap<>();
    lora.pairs().forEach((module, pair) -> {
      String prefix = "base_model.model.transformer." + module;
      tensors.put(prefix + ".lora_A.weight", new Tensor(pair.a().getShape().getShape(), pair.a().toByteBuffer()));
      try (NDArray b = pair.mask() == null ? pair.b().duplicate() : pair.b().mul(pair.mask())) {
        tensors.put(prefix + ".lora_B.weight", new Tensor(b.getShape().getShape(), b.toByteBuffer()));
      }
    });
    String targets = spec.targets().stream().map(LoraTarget::canonicalName).sorted().collect(Collectors.joining(","));
    SafeTensors.write(dir.resolve(WEIGHTS), tensors, Map.of("format", "pt", TARGETS_METADATA, targets));
  }

  public static Read read(Path dir, NDManager parent) {
    JsonNode config = Json.read(dir.resolve(CONFIG));
    if (!"LORA".equals(config.path("peft_type").asText("LORA"))) {
      throw new IllegalArgumentException(dir + ": only LoRA adapters are supported");
    }
    SafeTensors.Contents contents = SafeTensors.read(dir.resolve(WEIGHTS));
    Map<String, Tensor[]> byModule = new TreeMap<>();
    contents.tensors().forEach((name, tensor) -> {
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        throw new IllegalArgumentException("unsupported adapter tensor " + name);
      }
      String module = "h." + m.group(1) + "." + m.group(2);
      byModule.computeIfAbsent(module, k -> new Tensor[2])[m.group(3).equals("A") ? 0 : 1] = tensor;
    });
    double alpha = config.path("lora_alpha").asDouble(8);
    NDManager manager = parent.newSubManager();
    Map<String, LoraWeights.Pair> pairs = new LinkedHashMap<>();
    byModule.forEach((module, ab) -> {
      if (ab[0] == null || ab[1] == null) {
        manager.close();
        throw new IllegalArgumentException("adapter lacks lora_A or lora_B for " + module);
      }
      int rank = (int) ab[0].shape()[0];
      double moduleAlpha = pattern(config.path("alpha_pattern"), module, alpha);
      float scale = (float) (config.path("use_rslora").asBoolean(false)
          ? moduleAlpha / Math.sqrt(rank) : moduleAlpha / rank);
      pairs.put(module, new LoraWeights.Pair(toArray(manager, ab[0]), toArray(manager, ab[1]), null, scale));
    });
    LoraSpec spec = new LoraSpec(config.path("r").asInt(8), alpha, config.path("lora_dropout").asDouble(0),
        targets(config, contents.metadata()));
    return new Read(new LoraWeights(spec, manager, pairs), config.path("base_model_name_or_path").asText(""));
  }

  private static NDArray toArray(NDManager manager, Tensor tensor) {
    try (NDArray raw = manager.create(tensor.data(), new ai.djl.ndarray.types.Shape(tensor.shape()),
        ai.djl.ndarray.types.DataType.FLOAT32)) {
      return raw.duplicate();
    }
  }

  /** PEFT's rule: a pattern key applies to modules whose name ends with it. */
  private static double pattern(JsonNode patterns, String module, double fallback) {
    for (var it = patterns.fields(); it.hasNext(); ) {
      var entry = it.next();
      if (Pattern.compile("(.*\\.)?(" + entry.getKey() + ")$").matcher("transformer." + module).matches()) {
        return entry.getValue().asDouble();
      }
    }
    return fallback;
  }

  private static Set<LoraTarget> targets(JsonNode config, Map<String, String> metadata) {
    List<String> names = new ArrayList<>();
    String saved = metadata.get(TARGETS_METADATA);
    if (saved != null && !saved.isBlank()) {
      names.addAll(Arrays.asList(saved.split(",")));
    } else {
      config.path("target_modules").forEach(n -> names.add(n.asText()));
    }
    return new LinkedHashSet<>(LoraTarget.parse(names));
  }
}
