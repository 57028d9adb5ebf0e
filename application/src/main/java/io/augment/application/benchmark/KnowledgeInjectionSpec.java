package io.augment.application.benchmark;

import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.InvalidInputException;
import java.util.Set;

/**
 * One knowledge-injection benchmark: the world, how its base model is trained, how world B is
 * injected by fine-tuning, and how answers are asked for.
 *
 * @param world         sizes and seed of the world
 * @param recipe        the base model's training
 * @param fineTune      settings of the four fine-tuning runs on world B's documents (LoRA and full,
 *                      plain and paraphrase-augmented); epochs are passes over each run's own texts
 * @param lora          LoRA settings of the LoRA runs
 * @param topK          sources retrieved per question by RAG contenders, 1 to 10
 * @param maxTokens     most tokens per answer, 1 to 256
 * @param qualitySample questions per base-model quality measure, 1 to 2,000
 */
public record KnowledgeInjectionSpec(WorldConfig world, BaseModelRecipe recipe, TrainingSettings fineTune,
    LoraSettings lora, int topK, int maxTokens, int qualitySample) {
  public KnowledgeInjectionSpec {
    if (world == null || recipe == null || fineTune == null || lora == null) {
      throw new InvalidInputException(world == null ? "world" : recipe == null ? "recipe"
          : fineTune == null ? "fineTune" : "lora", "is required");
    }
    WorldConfig.range("topK", topK, 1, 10);
    WorldConfig.range("maxTokens", maxTokens, 1, 256);
    WorldConfig.range("qualitySample", qualitySample, 1, 2_000);
  }

  /** LoRA as the benchmark uses it unless told otherwise: rank 16 on attention and MLP. */
  public static LoraSettings defaultLora() {
    return new LoraSettings(16, 32, 0.0, Set.of("c_attn", "c_proj", "c_fc"));
  }

  /** A stable text of everything that shapes the trained models, for hashing into names. */
  public String fingerprint() {
    TrainingSettings t = fineTune;
    return world.fingerprint() + " | " + recipe.fingerprint() + " | ft epochs=" + t.epochs() + " steps=" + t.maxSteps()
        + " batch=" + t.batchSize() + " seq=" + t.sequenceLength() + " lr=" + t.learningRate() + " seed=" + t.seed()
        + " | lora r=" + lora.rank() + " alpha=" + lora.alpha() + " dropout=" + lora.dropout() + " targets="
        + new java.util.TreeSet<>(lora.targetModules());
  }
}
