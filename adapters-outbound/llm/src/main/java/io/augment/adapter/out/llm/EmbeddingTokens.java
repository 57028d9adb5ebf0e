package io.augment.adapter.out.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import io.augment.domain.augmentation.TokenCounter;
import java.util.Optional;

/** Picks a token counter for an embedding model known by name only. */
final class EmbeddingTokens {
  /** Loads only the vocabularies asked for (each 1-4 MB, bundled in the jtokkit jar). */
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private EmbeddingTokens() {}

  /**
   * OpenAI's own tokenizer for the models jtokkit knows (text-embedding-3-small/-large and ada-002
   * use cl100k_base); {@link TokenCounter#APPROXIMATE} for every other model, whose tokenizer we
   * do not have.
   */
  static TokenCounter counterFor(String model) {
    Optional<Encoding> encoding = REGISTRY.getEncodingForModel(model);
    return encoding.<TokenCounter>map(e -> e::countTokensOrdinary).orElse(TokenCounter.APPROXIMATE);
  }
}
