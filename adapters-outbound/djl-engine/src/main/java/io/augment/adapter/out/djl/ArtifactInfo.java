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

  /**
   * How an artifact came to be: {@code IMPORTED}, a base model the operator imported
   * ({@link DjlEngine#importGpt2}; not listed, shared read-only with every tenant); {@code EXTERNAL},
   * a checkpoint a tenant brought in through {@link DjlAdapterCatalog#importModel} (listed and
   * private, like a trained one); {@code PRETRAINED} and {@code FINE_TUNED}, trained here.
   */
  public enum Origin {
    IMPORTED, PRETRAINED, FINE_TUNED, EXTERNAL
  }

  public boolean isAdapter() {
    return method == AdaptationMethod.LORA;
  }
}
