package io.augment.domain.adaptation;

/**
 * A trained artifact that can serve generation: a LoRA adapter over a base model, or a fully
 * fine-tuned copy of it.
 *
 * @param name      unique name; addressed as {@code adapter:<name>}
 * @param baseModel the model it was trained from
 * @param method    how it was trained
 * @param bytes     size on disk
 * @param training  what training it cost, or null when not recorded (imported, or trained before costs were kept)
 */
public record Adapter(String name, String baseModel, AdaptationMethod method, long bytes, TrainingCost training) {
  public Adapter(String name, String baseModel, AdaptationMethod method, long bytes) {
    this(name, baseModel, method, bytes, null);
  }
}
