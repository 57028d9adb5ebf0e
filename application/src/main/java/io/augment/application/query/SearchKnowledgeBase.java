package io.augment.application.query;

import io.augment.application.retrieval.EmbeddingModels;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.retrieval.VectorIndex;
import java.util.List;

/** Retrieval only: embeds the query with the knowledge base's own model and finds the nearest chunks. */
public final class SearchKnowledgeBase {
  private final KnowledgeBaseRepository knowledgeBases;
  private final VectorIndex index;
  private final EmbeddingModels models;

  public SearchKnowledgeBase(KnowledgeBaseRepository knowledgeBases, VectorIndex index, EmbeddingModels models) {
    this.knowledgeBases = knowledgeBases;
    this.index = index;
    this.models = models;
  }

  public SearchResult search(QueryCommand command) {
    KnowledgeBase kb = knowledgeBases.find(command.knowledgeBase())
        .orElseThrow(() -> new NotFoundException("knowledge base", command.knowledgeBase()));
    EmbeddingModel model = models.forKnowledgeBase(kb);
    long t0 = System.nanoTime();
    float[] vector = model.embed(command.text());
    long t1 = System.nanoTime();
    List<ScoredChunk> chunks = index.search(kb.name(), vector, command.topK(), command.filter());
    long t2 = System.nanoTime();
    return new SearchResult(chunks, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  }
}
