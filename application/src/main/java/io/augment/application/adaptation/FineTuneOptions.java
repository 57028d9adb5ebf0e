package io.augment.application.adaptation;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/** Fine-tuning settings as APIs receive them (every field optional), with the defaults filled in. */
public final class FineTuneOptions {
  private FineTuneOptions() {}

  /** Unset fields take {@link FineTuneCommand#DEFAULT_LORA}'s. */
  public record Lora(Integer rank, Double alpha, Double dropout, Set<String> targetModules) {
    public LoraSettings settings() {
      LoraSettings d = FineTuneCommand.DEFAULT_LORA;
      return new LoraSettings(rank == null ? d.rank() : rank, alpha == null ? d.alpha() : alpha,
          dropout == null ? d.dropout() : dropout,
          targetModules == null || targetModules.isEmpty() ? d.targetModules() : targetModules);
    }
  }

  /**
   * Unset fields: one epoch, no step limit, batch 8, 128-token sequences, learning rate 2e-3 for
   * LoRA and 5e-4 for full fine-tuning, seed 1.
   */
  public record Training(
      Integer epochs, Integer maxSteps, Integer batchSize, Integer sequenceLength, Double learningRate, Long seed) {
    public TrainingSettings settings(AdaptationMethod method) {
      double rate = method == AdaptationMethod.LORA ? 2e-3 : 5e-4;
      return new TrainingSettings(epochs == null ? 1 : epochs, maxSteps == null ? 0 : maxSteps,
          batchSize == null ? 8 : batchSize, sequenceLength == null ? 128 : sequenceLength,
          learningRate == null ? rate : learningRate, seed == null ? 1 : seed);
    }
  }

  /** {@code full} or {@code lora}, any case. */
  public static AdaptationMethod method(String method) {
    if (method == null || method.isBlank()) {
      throw new InvalidInputException("method", "is required: full or lora");
    }
    try {
      return AdaptationMethod.valueOf(method.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("method", "must be full or lora, got '" + method + "'");
    }
  }

  /** A command from API input; a blank base model means {@code scratch}. */
  public static FineTuneCommand command(
      String name, String baseModel, String method, String knowledgeBase, java.util.List<String> texts, Lora lora,
      Training training) {
    AdaptationMethod m = method(method);
    Training t = training == null ? new Training(null, null, null, null, null, null) : training;
    return new FineTuneCommand(name, baseModel == null || baseModel.isBlank() ? "scratch" : baseModel, m,
        lora == null ? null : lora.settings(), t.settings(m), knowledgeBase, texts);
  }
}
