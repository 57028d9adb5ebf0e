package io.augment.adapter.in.openai;

import io.augment.application.query.Citation;
import io.augment.domain.generation.TokenUsage;
import java.util.List;

/**
 * A finished chat completion, whatever model served it.
 *
 * @param finishReason OpenAI's: {@code stop} or {@code length}
 * @param citations    the sources for {@code rag:<kb>} models, null for the others
 */
record Completion(String text, TokenUsage usage, String finishReason, List<Citation> citations) {
  Completion {
    usage = usage == null ? new TokenUsage(0, 0) : usage;
    finishReason = "length".equals(finishReason) ? "length" : "stop";
  }
}
