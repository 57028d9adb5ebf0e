package io.augment.domain.adaptation;

/**
 * What a fine-tuning job was asked to do, as kept with its record.
 *
 * @param name               the resulting model's name (what chat requests address)
 * @param baseModel          the model it starts from
 * @param method             full or LoRA
 * @param lora               LoRA settings, null for full fine-tuning
 * @param training           optimiser settings
 * @param source             where the examples came from: {@code file:<id>}, {@code knowledge-base:<name>} or {@code texts}
 * @param validationSource   where the validation examples came from, or null
 * @param examples           training examples
 * @param validationExamples validation examples
 */
public record FineTuneSpec(
    String name, String baseModel, AdaptationMethod method, LoraSettings lora, TrainingSettings training,
    String source, String validationSource, int examples, int validationExamples) {}
