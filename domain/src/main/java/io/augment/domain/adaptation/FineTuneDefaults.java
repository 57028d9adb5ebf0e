package io.augment.domain.adaptation;

/**
 * A trainer's own defaults, used where a request leaves a setting out.
 *
 * @param lora             LoRA settings for its models (target module names are the model's)
 * @param loraLearningRate peak learning rate of LoRA runs
 * @param fullLearningRate peak learning rate of full fine-tuning
 * @param baseModel        the base model a request without one starts from, or null when one must be named
 */
public record FineTuneDefaults(LoraSettings lora, double loraLearningRate, double fullLearningRate, String baseModel) {}
