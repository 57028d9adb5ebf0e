package io.augment.domain.retrieval;

import io.augment.domain.model.EmbeddingSpec;
import java.util.List;

/**
 * Turns text into vectors. The same model must embed a knowledge base's chunks and its queries.
 *
 * <p>Implementations: {@code LangChain4jEmbeddingModel} (in-process all-MiniLM-L6-v2 and remote
 * providers). Implementations are thread-safe.
 */
public interface EmbeddingModel {

  /** Identity, dimension and input limit of this model; stored with every knowledge base. */
  EmbeddingSpec spec();

  /**
   * Number of tokens the model's own tokenizer makes of {@code text}, special tokens excluded. Text
   * whose count exceeds {@code spec().maxInputTokens() - specialTokens()} is truncated by the model.
   */
  int countTokens(String text);

  /** Tokens the model adds around every input (e.g. [CLS] and [SEP]); they count against the limit. */
  default int specialTokens() {
    return 0;
  }

  /**
   * Embeds each text; the result has the same size and order as {@code texts}, each vector of
   * {@code spec().dimension()} floats, L2-normalised. An empty list gives an empty list.
   *
   * @throws io.augment.domain.model.BackendUnavailableException when a remote model fails
   */
  List<float[]> embedAll(List<String> texts);

  default float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }
}
