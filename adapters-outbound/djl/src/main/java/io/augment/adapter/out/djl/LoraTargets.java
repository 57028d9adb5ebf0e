package io.augment.adapter.out.djl;

import io.augment.domain.model.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps user-facing target names onto the linear modules of a block. q/k/v get separate LoRA pairs
 * over slices of the fused {@code attn.c_attn}; other names match PEFT-style by suffix.
 */
final class LoraTargets {
  static final List<String> MODULES =
      List.of("attn.c_attn", "attn.q_proj", "attn.k_proj", "attn.v_proj", "attn.c_proj", "mlp.c_fc", "mlp.c_proj");

  private static final Map<String, String> ALIASES = Map.of(
      "q", "attn.q_proj", "k", "attn.k_proj", "v", "attn.v_proj",
      "o", "attn.c_proj", "o_proj", "attn.c_proj", "out_proj", "attn.c_proj",
      "fc", "mlp.c_fc", "mlp.fc", "mlp.c_fc", "mlp.proj", "mlp.c_proj");

  private LoraTargets() {}

  static Set<String> resolve(Set<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      String n = ALIASES.getOrDefault(name, name);
      int before = out.size();
      for (String m : MODULES) {
        if (m.equals(n) || m.endsWith("." + n)) {
          out.add(m);
        }
      }
      if (out.size() == before) {
        throw new InvalidInputException("lora.targetModules", "unknown module " + name + "; known: " + MODULES);
      }
    }
    return out;
  }

  /** {in, out} features of a module in a model of width d. */
  static int[] dims(String module, int d) {
    switch (module) {
      case "attn.c_attn":
        return new int[] {d, 3 * d};
      case "mlp.c_fc":
        return new int[] {d, 4 * d};
      case "mlp.c_proj":
        return new int[] {4 * d, d};
      default:
        return new int[] {d, d};
    }
  }

  /** For q/k/v slices: the fused module and the column offset of the slice, else null. */
  static String fusedParent(String module) {
    return module.startsWith("attn.") && module.endsWith("_proj") && !module.equals("attn.c_proj")
        ? "attn.c_attn" : null;
  }

  static int sliceIndex(String module) {
    return "qkv".indexOf(module.charAt(5));
  }
}
