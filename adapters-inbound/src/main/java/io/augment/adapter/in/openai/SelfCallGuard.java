package io.augment.adapter.in.openai;

import io.augment.application.generation.Generators;
import io.augment.application.retrieval.EmbeddingModels;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Refuses requests this instance sent to itself that would call itself again: its remote model
 * adapters send {@link #HEADER} with {@link #instanceId()}, and such a request may not use the
 * configured generator (directly, through {@code rag:} or {@code adapter:}) or the default
 * embedding model, which are those same remote adapters.
 */
@Singleton
public class SelfCallGuard {
  /** Sent by this instance's outbound model adapters. */
  public static final String HEADER = "X-Augment-Instance";

  private final String instanceId = UUID.randomUUID().toString();
  // Looked up per request: the model adapters are built with this guard's id.
  private final Instance<Generators> generators;
  private final Instance<EmbeddingModels> embeddings;

  public SelfCallGuard(Instance<Generators> generators, Instance<EmbeddingModels> embeddings) {
    this.generators = generators;
    this.embeddings = embeddings;
  }

  public String instanceId() {
    return instanceId;
  }

  void checkChat(String caller, ChatTarget target) {
    if (!instanceId.equals(caller)) {
      return;
    }
    Generators served = generators.get();
    String configured = served.defaultGenerator().id();
    boolean viaConfigured = target.adapter() != null && served.adapterGenerator() == served.defaultGenerator();
    if (target.rag() || viaConfigured || target.model().equals(configured)) {
      throw loop("model '" + target.model() + "' is answered by generator '" + configured + "'",
          "augment.generation.<provider>.base-url", "model 'extractive'");
    }
  }

  void checkEmbedding(String caller, String modelId) {
    if (instanceId.equals(caller) && modelId.equals(embeddings.get().defaultModel().spec().modelId())) {
      throw loop("embedding model '" + modelId + "' is that remote model", "augment.embedding.openai.base-url",
          "model 'all-minilm-l6-v2'");
    }
  }

  private static OpenAiException loop(String why, String key, String instead) {
    return new OpenAiException(508, "this request came from this same Augment instance and " + why
        + ", which would call this instance again without end; point " + key + " at another server, or ask "
        + "this instance for " + instead, "model", "loop_detected");
  }
}
