package io.augment.application.adaptation;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/** Fine-tuning settings as APIs receive them (every field optional), completed from the trainer's defaults. */
public final class FineTuneOptions {
  /** Epochs, batch size and sequence length of a request that leaves them out. */
  public static final int DEFAULT_EPOCHS = 1;
  public static final int DEFAULT_BATCH_SIZE = 8;
  public static final int DEFAULT_SEQUENCE_LENGTH = 128;

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private FineTuneOptions() {}

  /** Unset fields take the trainer's default LoRA settings. */
  public record Lora(Integer rank, Double alpha, Double dropout, Set<String> targetModules) {
    public LoraSettings settings(FineTuneDefaults defaults) {
      LoraSettings d = defaults.lora();
      return new LoraSettings(rank == null ? d.rank() : rank, alpha == null ? d.alpha() : alpha,
          dropout == null ? d.dropout() : dropout,
          targetModules == null || targetModules.isEmpty() ? d.targetModules() : targetModules);
    }
  }

  /**
   * Unset fields: {@value #DEFAULT_EPOCHS} epoch, no step limit, batch {@value #DEFAULT_BATCH_SIZE},
   * {@value #DEFAULT_SEQUENCE_LENGTH}-token sequences (fewer when the base model's context is shorter), the trainer's
   * learning rate for the method, seed 1.
   */
  public record Training(
      Integer epochs, Integer maxSteps, Integer batchSize, Integer sequenceLength, Double learningRate, Long seed) {
    public static final Training DEFAULTS = new Training(null, null, null, null, null, null);

    public Training withSequenceLength(int length) {
      return new Training(epochs, maxSteps, batchSize, length, learningRate, seed);
    }

    public TrainingSettings settings(AdaptationMethod method, FineTuneDefaults defaults) {
      double rate = method == AdaptationMethod.LORA ? defaults.loraLearningRate() : defaults.fullLearningRate();
      return new TrainingSettings(epochs == null ? DEFAULT_EPOCHS : epochs, maxSteps == null ? 0 : maxSteps,
          batchSize == null ? DEFAULT_BATCH_SIZE : batchSize,
          sequenceLength == null ? DEFAULT_SEQUENCE_LENGTH : sequenceLength,
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

  /** A command from Augment's REST or gRPC input (a knowledge base or texts). */
  public static FineTuneCommand command(
      String name, String baseModel, String method, String knowledgeBase, java.util.List<String> texts, Lora lora,
      Training training) {
    return new FineTuneCommand(name, baseModel, method(method), lora, training, knowledgeBase, texts, null, null,
        FineTuneCommand.Fields.AUGMENT);
  }

  /**
   * The model name of a job created through OpenAI's API: {@code ft-<suffix>-<8 hex>}, or
   * {@code ft-<8 hex>} without a suffix; the suffix is 1 to 40 of a-z, 0-9 and '-'.
   */
  public static String openAiName(String suffix) {
    String tail = String.format("%08x", RANDOM.nextInt());
    if (suffix == null) {
      return "ft-" + tail;
    }
    if (!suffix.matches("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")) {
      throw new InvalidInputException("suffix", "must be 1 to 40 of a-z, 0-9 and '-', not starting or ending with '-'");
    }
    return "ft-" + suffix + "-" + tail;
  }
}
