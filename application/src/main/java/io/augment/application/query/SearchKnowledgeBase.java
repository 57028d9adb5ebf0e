package io.augment.application.query;

import io.augment.application.retrieval.EmbeddingModels;
import io.augment.application.retrieval.FusionWeights;
import io.augment.application.retrieval.QueryExpander;
import io.augment.application.retrieval.ReciprocalRankFusion;
import io.augment.application.retrieval.ReciprocalRankFusion.Ranked;
import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.LexicalIndex;
import io.augment.domain.retrieval.Reranker;
import io.augment.domain.retrieval.RetrievalMode;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.retrieval.VectorIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Retrieval: dense (the knowledge base's own embedding model), BM25, or both fused by reciprocal
 * rank; optionally widened with rewritten queries and a hypothetical answer (HyDE), and reranked.
 */
public final class SearchKnowledgeBase {
  private final KnowledgeBaseRepository knowledgeBases;
  private final VectorIndex index;
  private final LexicalIndex lexical;
  private final EmbeddingModels models;
  private final QueryExpander expander;
  private final Reranker reranker;
  private final FusionWeights weights;

  /** {@code lexical}, {@code expander} and {@code reranker} may be null when not configured. */
  public SearchKnowledgeBase(
      KnowledgeBaseRepository knowledgeBases, VectorIndex index, LexicalIndex lexical, EmbeddingModels models,
      QueryExpander expander, Reranker reranker, FusionWeights weights) {
    this.knowledgeBases = knowledgeBases;
    this.index = index;
    this.lexical = lexical;
    this.models = models;
    this.expander = expander;
    this.reranker = reranker;
    this.weights = weights;
  }

  /** Dense retrieval only. */
  public SearchKnowledgeBase(KnowledgeBaseRepository knowledgeBases, VectorIndex index, EmbeddingModels models) {
    this(knowledgeBases, index, null, models, null, null, FusionWeights.DEFAULT);
  }

  /**
   * Resolves what {@link #search} needs without searching, so a stream can refuse a request before
   * it starts, with the same error the plain call gives.
   *
   * @return the knowledge base
   * @throws NotFoundException     for an unknown knowledge base
   * @throws InvalidInputException for a retrieval mode or reranking that is not configured
   */
  public KnowledgeBase check(QueryCommand command) {
    KnowledgeBase kb = knowledgeBases.find(command.knowledgeBase())
        .orElseThrow(() -> new NotFoundException("knowledge base", command.knowledgeBase()));
    RetrievalMode mode = mode(command, kb);
    if (mode != RetrievalMode.DENSE && lexical == null) {
      throw new InvalidInputException("mode", mode.name().toLowerCase() + " retrieval needs a BM25 index, which the configured vector store does not provide");
    }
    if (command.retrieval().rerank() && reranker == null) {
      throw new InvalidInputException("rerank", "no reranker is configured");
    }
    return kb;
  }

  public SearchResult search(QueryCommand command) {
    KnowledgeBase kb = check(command);
    RetrievalOptions options = command.retrieval();
    RetrievalMode mode = mode(command, kb);
    EmbeddingModel model = mode == RetrievalMode.BM25 ? null : models.forKnowledgeBase(kb);
    List<String> notes = new ArrayList<>();
    long t0 = System.nanoTime();
    List<String> queries = new ArrayList<>(List.of(command.text()));
    if (options.queryVariants() > 0) {
      queries.addAll(expander == null ? List.of() : expander.variants(command.text(), options.queryVariants()));
    }
    List<String> denseTexts = new ArrayList<>(queries);
    if (options.hyde()) {
      String hypothetical = expander == null ? null : expander.hypotheticalAnswer(command.text());
      if (hypothetical == null || hypothetical.isBlank()) {
        notes.add("hyde skipped: the configured generator cannot write a hypothetical answer (it is not generative)");
      } else {
        denseTexts.add(hypothetical);
      }
    }
    long t1 = System.nanoTime();
    boolean widen = mode == RetrievalMode.HYBRID || options.rerank() || queries.size() > 1 || denseTexts.size() > 1;
    int n = widen ? Math.max(command.topK(), options.candidates()) : command.topK();
    List<Ranked> lists = new ArrayList<>();
    long embedNanos = 0;
    if (mode != RetrievalMode.BM25) {
      long e0 = System.nanoTime();
      List<float[]> vectors = model.embedAll(denseTexts);
      embedNanos = System.nanoTime() - e0;
      for (float[] vector : vectors) {
        lists.add(new Ranked(index.search(kb.name(), vector, n, command.filter()), weights.dense()));
      }
    }
    if (mode != RetrievalMode.DENSE) {
      for (String query : queries) {
        lists.add(new Ranked(lexical.searchText(kb.name(), query, n, command.filter()), weights.lexical()));
      }
    }
    List<ScoredChunk> found = lists.size() == 1 ? lists.get(0).results() : ReciprocalRankFusion.fuse(lists, weights.k());
    long t2 = System.nanoTime();
    if (options.rerank()) {
      found = reranker.rerank(command.text(), found, command.topK());
    }
    long t3 = System.nanoTime();
    List<ScoredChunk> top = found.size() > command.topK() ? found.subList(0, command.topK()) : found;
    return new SearchResult(List.copyOf(top), mode, List.copyOf(denseTexts.size() > queries.size() ? denseTexts : queries),
        List.copyOf(notes), embedNanos / 1e6, (t2 - t1 - embedNanos) / 1e6, (t1 - t0) / 1e6, (t3 - t2) / 1e6);
  }

  private static RetrievalMode mode(QueryCommand command, KnowledgeBase kb) {
    return command.retrieval().mode() != null ? command.retrieval().mode() : kb.retrieval();
  }
}
