package io.augment.domain.generation;

import io.augment.domain.model.InvalidInputException;
import java.util.List;

/**
 * Sampling settings for one generation.
 *
 * @param maxTokens   most tokens to generate
 * @param temperature 0 means greedy
 * @param topP        nucleus sampling mass in (0, 1]
 * @param stop        sequences that end generation (not included in the output)
 * @param adapter     name of a fine-tuned adapter to apply, or null for the base model
 */
public record GenerationOptions(int maxTokens, double temperature, double topP, List<String> stop, String adapter) {
  public static final GenerationOptions DEFAULT = new GenerationOptions(512, 0.0, 1.0, List.of(), null);

  public GenerationOptions {
    if (maxTokens < 1) {
      throw new InvalidInputException("maxTokens", "must be at least 1");
    }
    if (!(temperature >= 0 && temperature <= 2)) { // also refuses NaN
      throw new InvalidInputException("temperature", "must be between 0 and 2");
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new InvalidInputException("topP", "must be in (0, 1]");
    }
    stop = stop == null ? List.of() : List.copyOf(stop);
  }
}
