package io.augment.application.knowledgebase;

import io.augment.application.retrieval.EmbeddingModels;
import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.VectorIndex;
import java.time.Clock;
import java.util.List;

/** Creates, lists, reads and deletes knowledge bases. */
public final class ManageKnowledgeBases {
  private final KnowledgeBaseRepository knowledgeBases;
  private final DocumentRepository documents;
  private final VectorIndex index;
  private final EmbeddingModels models;
  private final Clock clock;

  public ManageKnowledgeBases(
      KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, VectorIndex index,
      EmbeddingModels models, Clock clock) {
    this.knowledgeBases = knowledgeBases;
    this.documents = documents;
    this.index = index;
    this.models = models;
    this.clock = clock;
  }

  public KnowledgeBaseView create(CreateKnowledgeBaseCommand command) {
    EmbeddingModel model = models.byId(command.embeddingModel());
    EmbeddingSpec spec = model.spec();
    ChunkingSettings chunking = command.chunking() == null ? ChunkingSettings.DEFAULT : command.chunking();
    KnowledgeBase kb = new KnowledgeBase(command.name(), command.description(), spec, chunking, 0, clock.instant(),
        command.retrieval());
    knowledgeBases.create(kb);
    try {
      index.createCollection(kb.name(), spec.dimension());
    } catch (RuntimeException e) {
      knowledgeBases.delete(kb.name());
      throw e;
    }
    return new KnowledgeBaseView(kb, 0, 0);
  }

  public List<KnowledgeBaseView> list() {
    return knowledgeBases.findAll().stream().map(this::view).toList();
  }

  public KnowledgeBaseView get(String name) {
    return view(require(name));
  }

  /** The stored knowledge base. @throws NotFoundException when unknown */
  public KnowledgeBase require(String name) {
    return knowledgeBases.find(name).orElseThrow(() -> new NotFoundException("knowledge base", name));
  }

  public void delete(String name) {
    require(name);
    index.dropCollection(name);
    knowledgeBases.delete(name);
  }

  private KnowledgeBaseView view(KnowledgeBase kb) {
    return new KnowledgeBaseView(kb, documents.count(kb.name()), documents.chunkCount(kb.name()));
  }
}
