package io.augment.adapter.out.djl;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.TrainingCost;

/**
 * What the store knows of a model or adapter, kept as {@code augment.json} in its folder.
 *
 * @param name      unique across models and adapters
 * @param baseModel the model it was trained from; for imported models, where it came from
 * @param method    FULL for models (checkpoints), LORA for adapters
 * @param origin    how it came to be
 * @param createdAt when it was installed (ISO-8601)
 * @param training  what training it cost; null for imported models and for artifacts installed
 *                  before costs were recorded (their {@code augment.json} has no {@code training})
 */
public record ArtifactInfo(String name, String baseModel, AdaptationMethod method, Origin origin, String createdAt,
    TrainingCost training) {

  /** An artifact without a recorded training cost. */
  public ArtifactInfo(String name, String baseModel, AdaptationMethod method, Origin origin, String createdAt) {
    this(name, baseModel, method, origin, createdAt, null);
  }

  /** How an artifact came to be. */
  public enum Origin {
    IMPORTED, PRETRAINED, FINE_TUNED
  }

  public boolean isAdapter() {
    return method == AdaptationMethod.LORA;
  }
}
