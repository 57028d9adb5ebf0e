package io.augment.adapter.out.djl.model;

/**
 * The linear layers of a block, named as in HuggingFace's GPT-2 (and so in PEFT adapters). Weights
 * are held as {@code [out, in]}; GPT-2 files store them transposed ({@code Conv1D}).
 */
public enum Projection {
  ATTENTION_QKV("attn.c_attn", 1, 3),
  ATTENTION_OUT("attn.c_proj", 1, 1),
  MLP_UP("mlp.c_fc", 1, 4),
  MLP_DOWN("mlp.c_proj", 4, 1);

  private final String path;
  private final int inWidths;
  private final int outWidths;

  Projection(String path, int inWidths, int outWidths) {
    this.path = path;
    this.inWidths = inWidths;
    this.outWidths = outWidths;
  }

  /** Module path inside a block, e.g. {@code attn.c_attn}. */
  public String path() {
    return path;
  }

  public String module(int layer) {
    return "h." + layer + "." + path;
  }

  public int in(GptConfig config) {
    return inWidths * config.dModel();
  }

  public int out(GptConfig config) {
    return outWidths * config.dModel();
  }

  /** Whether a checkpoint tensor name is one of these weights (stored transposed on disk). */
  public static boolean isProjectionWeight(String name) {
    for (Projection projection : values()) {
      if (name.endsWith("." + projection.path + ".weight")) {
        return true;
      }
    }
    return false;
  }
}
