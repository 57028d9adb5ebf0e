package io.augment.adapter.out.djl.model;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a LoRA adapter may target. Query, key and value are slices of GPT-2's fused
 * {@code attn.c_attn}; {@link #QKV} adapts that fused layer with one low-rank update, as PEFT does
 * for GPT-2.
 */
public enum LoraTarget {
  QUERY(Projection.ATTENTION_QKV, 0),
  KEY(Projection.ATTENTION_QKV, 1),
  VALUE(Projection.ATTENTION_QKV, 2),
  QKV(Projection.ATTENTION_QKV, -1),
  OUTPUT(Projection.ATTENTION_OUT, -1),
  MLP_UP(Projection.MLP_UP, -1),
  MLP_DOWN(Projection.MLP_DOWN, -1);

  private static final Map<String, List<LoraTarget>> NAMES = Map.ofEntries(
      Map.entry("q", List.of(QUERY)), Map.entry("q_proj", List.of(QUERY)), Map.entry("query", List.of(QUERY)),
      Map.entry("k", List.of(KEY)), Map.entry("k_proj", List.of(KEY)), Map.entry("key", List.of(KEY)),
      Map.entry("v", List.of(VALUE)), Map.entry("v_proj", List.of(VALUE)), Map.entry("value", List.of(VALUE)),
      Map.entry("c_attn", List.of(QKV)), Map.entry("attn.c_attn", List.of(QKV)), Map.entry("qkv", List.of(QKV)),
      Map.entry("o", List.of(OUTPUT)), Map.entry("o_proj", List.of(OUTPUT)), Map.entry("out_proj", List.of(OUTPUT)),
      Map.entry("attn.c_proj", List.of(OUTPUT)),
      Map.entry("fc", List.of(MLP_UP)), Map.entry("mlp.fc", List.of(MLP_UP)), Map.entry("c_fc", List.of(MLP_UP)),
      Map.entry("mlp.c_fc", List.of(MLP_UP)), Map.entry("up_proj", List.of(MLP_UP)),
      Map.entry("mlp.proj", List.of(MLP_DOWN)), Map.entry("mlp.c_proj", List.of(MLP_DOWN)),
      Map.entry("down_proj", List.of(MLP_DOWN)),
      Map.entry("c_proj", List.of(OUTPUT, MLP_DOWN)),
      Map.entry("mlp", List.of(MLP_UP, MLP_DOWN)),
      Map.entry("all-linear", List.of(QKV, OUTPUT, MLP_UP, MLP_DOWN)));

  private final Projection projection;
  private final int slice;

  LoraTarget(Projection projection, int slice) {
    this.projection = projection;
    this.slice = slice;
  }

  public Projection projection() {
    return projection;
  }

  /** Which third of the fused query-key-value output this adapts, or -1 for a whole projection. */
  public int slice() {
    return slice;
  }

  /** Parses module names (HuggingFace/PEFT style or short: q, k, v, o, fc, mlp.proj, c_attn, mlp, all-linear). */
  public static Set<LoraTarget> parse(Collection<String> names) {
    EnumSet<LoraTarget> targets = EnumSet.noneOf(LoraTarget.class);
    for (String name : names) {
      List<LoraTarget> matched = NAMES.get(name.trim().toLowerCase(Locale.ROOT));
      if (matched == null) {
        throw new IllegalArgumentException("unknown LoRA target module '" + name + "'; known: " + NAMES.keySet());
      }
      targets.addAll(matched);
    }
    if (targets.contains(QKV) && (targets.contains(QUERY) || targets.contains(KEY) || targets.contains(VALUE))) {
      throw new IllegalArgumentException("c_attn already covers q, k and v; name either c_attn or q/k/v");
    }
    return targets;
  }

  /** The canonical name written back, e.g. in adapter metadata. */
  public String canonicalName() {
    return switch (this) {
      case QUERY -> "q_proj";
      case KEY -> "k_proj";
      case VALUE -> "v_proj";
      default -> projection.path();
    };
  }
}
