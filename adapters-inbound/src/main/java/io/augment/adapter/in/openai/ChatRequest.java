package io.augment.adapter.in.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The body of {@code POST /v1/chat/completions}: the OpenAI fields Augment honours, plus the
 * {@code retrieval} extension for {@code rag:<kb>} models. Other OpenAI fields (tools,
 * response_format, logprobs, seed, user, ...) are accepted and ignored.
 *
 * @param stop      a string or a list of up to 4 strings
 * @param n         only 1 is supported
 * @param retrieval Augment extension: how to retrieve for {@code rag:<kb>} models
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatRequest(
    String model, List<Message> messages, Boolean stream, StreamOptions streamOptions, Integer maxTokens,
    Integer maxCompletionTokens, Double temperature, Double topP, JsonNode stop, Integer n, Retrieval retrieval) {

  /** {@code content}: a string, or a list of parts of which only {@code {"type": "text"}} ones are read. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Message(String role, JsonNode content, String name) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record StreamOptions(Boolean includeUsage) {}

  /**
   * Retrieval settings for {@code rag:<kb>}; every field is optional.
   *
   * @param topK          chunks to retrieve (default 5, at most 100)
   * @param mode          dense, bm25 or hybrid (default: the knowledge base's)
   * @param rerank        re-score the candidates with the reranker
   * @param hyde          also search with a hypothetical answer (generative models only)
   * @param queryVariants extra rewritten queries, 0 to 5
   * @param candidates    first-stage results before fusion and reranking
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Retrieval(
      Integer topK, String mode, Boolean rerank, Boolean hyde, Integer queryVariants, Integer candidates,
      java.util.Map<String, Object> filter) {}

  boolean streaming() {
    return Boolean.TRUE.equals(stream);
  }

  boolean includeUsage() {
    return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
  }
}
