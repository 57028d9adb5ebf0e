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
 * @param fineTune      settings of the full fine-tuning runs on world B's documents (plain and
 *                      paraphrase-augmented); epochs are passes over each run's own texts
 * @param loraTraining  settings of the LoRA runs (LoRA wants a higher learning rate than full)
 * @param lora          LoRA settings of the LoRA runs
 * @param topK          sources retrieved per question by RAG contenders, 1 to 10
 * @param maxTokens     most tokens per answer, 1 to 256
 * @param qualitySample questions per base-model quality measure, 1 to 2,000
 */
public record KnowledgeInjectionSpec(WorldConfig world, BaseModelRecipe recipe, TrainingSettings fineTune,
    TrainingSettings loraTraining, LoraSettings lora, int topK, int maxTokens, int qualitySample) {
  public KnowledgeInjectionSpec {
    String missing = world == null ? "world" : recipe == null ? "recipe" : fineTune == null ? "fineTune"
        : loraTraining == null ? "loraTraining" : lora == null ? "lora" : null;
    if (missing != null) {
      throw new InvalidInputException(missing, "is required");
    }
    WorldConfig.range("topK", topK, 1, 10);
    WorldConfig.range("maxTokens", maxTokens, 1, 256);
    WorldConfig.range("qualitySample", qualitySample, 1, 2_000);
  }

  /** LoRA as the benchmark uses it unless told otherwise: rank 16 on attention and MLP. */
  public static LoraSettings defaultLora() {
    return new LoraSettings(16, 32, 0.0, Set.of("c_attn", "c_proj", "c_fc"));
  }

  /** This benchmark with its base model trained at {@code shape} (a server trains at its configured scratch size). */
  public KnowledgeInjectionSpec withShape(ModelShape shape) {
    BaseModelRecipe r = recipe;
    return new KnowledgeInjectionSpec(world, new BaseModelRecipe(shape, r.readingExamples(), r.maxPassages(),
        r.qaRepeats(), r.documentRepeats(), r.training()), fineTune, loraTraining, lora, topK, maxTokens, qualitySample);
  }

  /** A stable text of everything that shapes the trained models, for hashing into names. */
  public String fingerprint() {
    return world.fingerprint() + " | " + recipe.fingerprint() + " | full " + text(fineTune) + " | lora " + text(loraTraining)
        + " r=" + lora.rank() + " alpha=" + lora.alpha() + " dropout=" + lora.dropout() + " targets="
        + new java.util.TreeSet<>(lora.targetModules());
  }

  static String text(TrainingSettings t) {
    return "epochs=" + t.epochs() + " steps=" + t.maxSteps() + " batch=" + t.batchSize() + " seq=" + t.sequenceLength()
        + " lr=" + t.learningRate() + " seed=" + t.seed();
  }
}
