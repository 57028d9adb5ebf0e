package io.augment.domain.adaptation;

import java.util.List;
import java.util.Objects;

/**
 * Asks a {@link FineTuner} for a training run.
 *
 * @param name       name of the resulting adapter or model, unique
 * @param baseModel  the model to start from
 * @param method     full or LoRA
 * @param lora       required when method is LORA, ignored otherwise
 * @param training   optimiser settings
 * @param examples   training examples, within {@link TrainingCorpus}'s bounds
 * @param validation held-out examples whose loss is reported as validation loss; empty for none
 */
public record FineTuneRequest(
    String name, String baseModel, AdaptationMethod method, LoraSettings lora, TrainingSettings training,
    List<TrainingExample> examples, List<TrainingExample> validation) {
  public FineTuneRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseModel, "baseModel");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(training, "training");
    if (method == AdaptationMethod.LORA && lora == null) {
      throw new io.augment.domain.model.InvalidInputException("lora", "required for LoRA fine-tuning");
    }
    if (examples == null) {
      throw new io.augment.domain.model.InvalidInputException("texts", "is required");
    }
    examples = List.copyOf(examples);
    validation = validation == null ? List.of() : List.copyOf(validation);
    TrainingCorpus.check("texts", examples.stream().map(TrainingExample::text).toList());
    if (!validation.isEmpty()) {
      TrainingCorpus.check("validation", validation.stream().map(TrainingExample::text).toList());
    }
  }

  /** A request over plain texts, without validation examples. */
  public static FineTuneRequest ofTexts(
      String name, String baseModel, AdaptationMethod method, LoraSettings lora, TrainingSettings training,
      List<String> texts) {
    if (texts == null) {
      throw new io.augment.domain.model.InvalidInputException("texts", "is required");
    }
    TrainingCorpus.check("texts", texts);
    return new FineTuneRequest(name, baseModel, method, lora, training,
        texts.stream().<TrainingExample>map(TrainingExample.Text::new).toList(), List.of());
  }

  /** The training texts a causal language model is trained on, one per example. */
  public List<String> texts() {
    return examples.stream().map(TrainingExample::text).toList();
  }

  /** Per training example, the characters of its text that are context, not learned ({@link TrainingExample#contextLength()}). */
  public List<Integer> contextLengths() {
    return examples.stream().map(TrainingExample::contextLength).toList();
  }

  /** Per validation example, as {@link #contextLengths()}. */
  public List<Integer> validationContextLengths() {
    return validation.stream().map(TrainingExample::contextLength).toList();
  }

  /** The validation texts, one per example. */
  public List<String> validationTexts() {
    return validation.stream().map(TrainingExample::text).toList();
  }
}
