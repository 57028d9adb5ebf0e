package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.domain.generation.GenerationOptions;
import java.util.ArrayList;
import java.util.List;

/** Reads OpenAI's sampling fields into {@link GenerationOptions}, naming the OpenAI field on error. */
final class Sampling {
  private static final int MAX_STOP_SEQUENCES = 4;

  private Sampling() {}

  /** Omitted fields take {@link GenerationOptions#DEFAULT}'s values. */
  static GenerationOptions options(ChatRequest request, String adapter) {
    GenerationOptions defaults = GenerationOptions.DEFAULT;
    if (request.n() != null && request.n() != 1) {
      throw OpenAiException.invalid("n", "only n=1 is supported");
    }
    String maxParam = request.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens";
    Integer max = request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens();
    if (max != null && max < 1) {
      throw OpenAiException.invalid(maxParam, "'" + maxParam + "' must be at least 1, got " + max);
    }
    double temperature = request.temperature() == null ? defaults.temperature() : request.temperature();
    if (!(temperature >= 0 && temperature <= 2)) { // also refuses NaN
      throw OpenAiException.invalid("temperature", "'temperature' must be between 0 and 2, got " + temperature);
    }
    double topP = request.topP() == null ? defaults.topP() : request.topP();
    if (!(topP > 0 && topP <= 1)) {
      throw OpenAiException.invalid("top_p", "'top_p' must be greater than 0 and at most 1, got " + topP);
    }
    return new GenerationOptions(max == null ? defaults.maxTokens() : max, temperature, topP, stop(request.stop()), adapter);
  }

  private static List<String> stop(JsonNode stop) {
    if (stop == null || stop.isNull()) {
      return List.of();
    }
    if (stop.isTextual()) {
      return List.of(stop.asText());
    }
    if (!stop.isArray() || stop.size() > MAX_STOP_SEQUENCES) {
      throw OpenAiException.invalid("stop", "'stop' must be a string or an array of at most " + MAX_STOP_SEQUENCES + " strings");
    }
    List<String> sequences = new ArrayList<>();
    for (JsonNode s : stop) {
      if (!s.isTextual() || s.asText().isEmpty()) {
        throw OpenAiException.invalid("stop", "'stop' sequences must be non-empty strings");
      }
      sequences.add(s.asText());
    }
    return sequences;
  }
}
