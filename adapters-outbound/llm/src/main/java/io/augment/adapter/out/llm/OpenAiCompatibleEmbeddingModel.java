package io.augment.adapter.out.llm;

import io.augment.domain.retrieval.UnitVectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedding model behind an OpenAI-compatible {@code /embeddings} API (OpenAI, vLLM, llama.cpp,
 * LM Studio, Ollama's {@code /v1}). Its spec's id is {@code openai:<model>}, so a knowledge base
 * built through a server is never mistaken for one built in-process with a same-named model. Texts go in requests of at most
 * {@link #BATCH_SIZE}, each guarded on its own. Every vector is checked against the configured
 * dimension and scaled to unit length if the server did not.
 */
public final class OpenAiCompatibleEmbeddingModel implements EmbeddingModel {

  /** OpenAI's input limit for text-embedding-3-small/-large and ada-002. */
  public static final int OPENAI_MAX_INPUT_TOKENS = 8191;

  /** Texts per request; small enough for local servers' default batch limits. */
  public static final int BATCH_SIZE = 64;

  private final OpenAiEmbeddingModel delegate;
  private final EmbeddingSpec spec;
  private final TokenCounter tokens;
  private final ProviderGuard guard;
  private final String url;

  public OpenAiCompatibleEmbeddingModel(ProviderConfig config, int dimension, int maxInputTokens) {
    this.spec = new EmbeddingSpec("openai:" + config.model(), dimension, maxInputTokens);
    this.delegate = OpenAiEmbeddingModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(config.baseUrl())
        .apiKey(config.apiKey())
        .modelName(config.model())
        .customHeaders(config.headers())
        .timeout(config.timeout())
        .maxRetries(0)
        .maxSegmentsPerBatch(BATCH_SIZE)
        .build();
    this.tokens = EmbeddingTokens.counterFor(config.model());
    this.guard = new ProviderGuard("openai:" + config.model(), config.baseUrl(), config.resilience());
    this.url = config.baseUrl();
  }

  @Override
  public EmbeddingSpec spec() {
    return spec;
  }

  /** Exact (OpenAI's tokenizer) for OpenAI's models; about 4 characters per token for others. */
  @Override
  public int countTokens(String text) {
    return tokens.count(text);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null || text.isBlank()) {
        throw new InvalidInputException("text", "text " + i + " of the batch is blank; nothing to embed");
      }
      segments.add(TextSegment.from(text));
    }
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < segments.size(); from += BATCH_SIZE) {
      List<TextSegment> batch = segments.subList(from, Math.min(from + BATCH_SIZE, segments.size()));
      vectors.addAll(embedBatch(batch));
    }
    return vectors;
  }

  @SuppressWarnings("unchecked")
  private List<float[]> embedBatch(List<TextSegment> batch) {
    List<Embedding> embeddings = guard.call("embeddings", () -> delegate.embedAll(batch).content(), List.class);
    if (embeddings.size() != batch.size()) {
      throw new IllegalStateException(guard.backend() + " at " + url + " returned " + embeddings.size()
          + " vectors for " + batch.size() + " texts");
    }
    List<float[]> vectors = new ArrayList<>(batch.size());
    for (Embedding embedding : embeddings) {
      float[] vector = embedding.vector();
      if (vector.length != spec.dimension()) {
        throw new IllegalStateException(guard.backend() + " at " + url + " returned vectors of " + vector.length
            + " floats; the configured dimension is " + spec.dimension());
      }
      vectors.add(UnitVectors.unitLength(vector));
    }
    return vectors;
  }
}
