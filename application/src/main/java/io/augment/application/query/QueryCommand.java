package io.augment.application.query;

import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.MetadataFilter;

/**
 * A question (or, for search, a query) over one knowledge base.
 *
 * @param knowledgeBase the knowledge base's name
 * @param text          the question or query
 * @param topK          chunks to retrieve, 1 to 100
 * @param filter        metadata condition, {@link MetadataFilter#ALL} for none
 * @param options       generation settings (ignored by search)
 * @param retrieval     retrieval mode, query expansion and reranking
 */
public record QueryCommand(
    String knowledgeBase, String text, int topK, MetadataFilter filter, GenerationOptions options,
    RetrievalOptions retrieval) {
  public static final int MAX_TOP_K = 100;

  public QueryCommand {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("question", "must not be empty");
    }
    if (text.length() > 10_000) {
      throw new InvalidInputException("question", "must be at most 10000 characters");
    }
    if (topK < 1 || topK > MAX_TOP_K) {
      throw new InvalidInputException("topK", "must be between 1 and " + MAX_TOP_K);
    }
    filter = filter == null ? MetadataFilter.ALL : filter;
    options = options == null ? GenerationOptions.DEFAULT : options;
    retrieval = retrieval == null ? RetrievalOptions.DEFAULT : retrieval;
  }

  /** A command with the default retrieval (the knowledge base's mode, no expansion, no reranking). */
  public QueryCommand(String knowledgeBase, String text, int topK, MetadataFilter filter, GenerationOptions options) {
    this(knowledgeBase, text, topK, filter, options, null);
  }
}
