package io.augment.domain.adaptation;

import java.util.List;
import java.util.Objects;

/**
 * Asks for a fine-tuning run.
 *
 * @param name      name of the resulting adapter or model, unique
 * @param baseModel the model to start from
 * @param method    full or LoRA
 * @param lora      required when method is LORA, ignored otherwise
 * @param training  optimiser settings
 * @param texts     training corpus, one text per example, within {@link TrainingCorpus}'s bounds
 */
public record FineTuneRequest(
    String name, String baseModel, AdaptationMethod method, LoraSettings lora, TrainingSettings training, List<String> texts) {
  public FineTuneRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseModel, "baseModel");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(training, "training");
    if (method == AdaptationMethod.LORA && lora == null) {
      throw new io.augment.domain.model.InvalidInputException("lora", "required for LoRA fine-tuning");
    }
    TrainingCorpus.check("texts", texts);
    texts = List.copyOf(texts);
  }
}
