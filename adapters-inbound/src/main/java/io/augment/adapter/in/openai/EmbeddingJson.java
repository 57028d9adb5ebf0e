package io.augment.adapter.in.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** OpenAI's embeddings request and response. */
final class EmbeddingJson {
  private EmbeddingJson() {}

  /**
   * @param input          a string or an array of strings (token arrays are not supported)
   * @param model          an embedding model id; omitted means the default one
   * @param encodingFormat {@code float} (default) or {@code base64} (little-endian float32)
   * @param dimensions     if given, must equal the model's dimension
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Request(JsonNode input, String model, String encodingFormat, Integer dimensions) {}

  /** {@code embedding}: a float array, or a base64 string. */
  record Item(String object, int index, Object embedding) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Usage(int promptTokens, int totalTokens) {}

  record Response(String object, List<Item> data, String model, Usage usage) {}
}
