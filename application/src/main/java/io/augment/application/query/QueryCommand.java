package io.augment.application.query;

import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import io.augment.domain.retrieval.MetadataFilter;

/**
 * A question (or, for search, a query) over one knowledge base.
 *
 * @param knowledgeBase the knowledge base's name
 * @param text          the question or query, at most {@link Limits#QUESTION} characters; errors name it
 *                      {@code question} (a search names it {@code query}: see {@link #search})
 * @param topK          chunks to retrieve, 1 to 100
 * @param filter        metadata condition, {@link MetadataFilter#ALL} for none; at most {@link Limits#FILTER_KEYS} keys of
 *                      {@link Limits#FILTER_VALUES} values each
 * @param options       generation settings (ignored by search)
 * @param retrieval     retrieval mode, query expansion and reranking
 */
public record QueryCommand(
    String knowledgeBase, String text, int topK, MetadataFilter filter, GenerationOptions options,
    RetrievalOptions retrieval) {
  public static final int MAX_TOP_K = 100;

  public QueryCommand {
    Limits.required("question", text, Limits.QUESTION);
    Limits.visible("question", text, "the text");
    if (topK < 1 || topK > MAX_TOP_K) {
      throw new InvalidInputException("topK", "must be between 1 and " + MAX_TOP_K);
    }
    filter = filter == null ? MetadataFilter.ALL : FilterLimits.check(filter);
    options = options == null ? GenerationOptions.DEFAULT : options;
    retrieval = retrieval == null ? RetrievalOptions.DEFAULT : retrieval;
  }

  /**
   * A search command: as the constructor, with errors about the text naming {@code query}, the
   * search request's own field.
   */
  public static QueryCommand search(
      String knowledgeBase, String query, int topK, MetadataFilter filter, RetrievalOptions retrieval) {
    try {
      return new QueryCommand(knowledgeBase, query, topK, filter, null, retrieval);
    } catch (InvalidInputException e) {
      throw "question".equals(e.field()) ? e.withField("query") : e;
    }
  }

  /** A command with the default retrieval (the knowledge base's mode, no expansion, no reranking). */
  public QueryCommand(String knowledgeBase, String text, int topK, MetadataFilter filter, GenerationOptions options) {
    this(knowledgeBase, text, topK, filter, options, null);
  }
}
