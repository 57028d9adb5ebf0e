package io.augment.application.adaptation;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingCorpus;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.InvalidInputException;
import java.util.List;

/**
 * A fine-tuning run over a knowledge base's documents or over given texts (exactly one of them).
 *
 * @param name          name of the resulting model or adapter
 * @param baseModel     the model to start from; {@code scratch} pretrains a new one (full only)
 * @param method        full or LoRA
 * @param lora          LoRA settings; null takes {@link #DEFAULT_LORA} for LoRA
 * @param training      optimiser settings
 * @param knowledgeBase train on every document of this knowledge base, or null
 * @param texts         train on these texts, or null
 */
public record FineTuneCommand(
    String name, String baseModel, AdaptationMethod method, LoraSettings lora, TrainingSettings training,
    String knowledgeBase, List<String> texts) {

  /** Rank 8, alpha 16, dropout 0.05 on GPT-2's fused attention projection (PEFT's GPT-2 default). */
  public static final LoraSettings DEFAULT_LORA = new LoraSettings(8, 16, 0.05, java.util.Set.of("c_attn"));

  public FineTuneCommand {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    if (baseModel == null || baseModel.isBlank()) {
      throw new InvalidInputException("baseModel", "is required ('scratch' pretrains a new model)");
    }
    if (method == null) {
      throw new InvalidInputException("method", "is required: full or lora");
    }
    if (training == null) {
      throw new InvalidInputException("training", "is required");
    }
    boolean fromKb = knowledgeBase != null && !knowledgeBase.isBlank();
    boolean fromTexts = texts != null && !texts.isEmpty();
    if (fromTexts) {
      TrainingCorpus.check("texts", texts);
    }
    if (fromKb && fromTexts) {
      throw new InvalidInputException("knowledgeBase", "give either a knowledge base or texts to train on, not both");
    }
    if (!fromKb && !fromTexts) {
      throw new InvalidInputException(texts != null ? "texts" : "knowledgeBase",
          "give a knowledge base or at least one text to train on");
    }
    if (method == AdaptationMethod.LORA && lora == null) {
      lora = DEFAULT_LORA;
    }
    texts = fromTexts ? List.copyOf(texts) : null;
    knowledgeBase = fromKb ? knowledgeBase : null;
  }
}
