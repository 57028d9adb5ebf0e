package io.augment.application.knowledgebase;

import io.augment.application.index.IndexSync;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.persistence.PendingIndexWrite;
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
  private final IndexSync sync;
  private final Clock clock;

  public ManageKnowledgeBases(
      KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, VectorIndex index,
      EmbeddingModels models, IndexSync sync, Clock clock) {
    this.sync = sync;
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
      if (index.collectionExists(kb.name())) {
        index.dropCollection(kb.name()); // left by a deleted base whose drop did not finish: never reuse it
      }
      index.createCollection(kb.name(), spec.dimension());
    } catch (RuntimeException e) {
      sync.written(knowledgeBases.delete(kb.name()));
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

  /**
   * Deletes the records (durable on return, with a pending index write for the whole base), then the
   * index collection; after a crash in between, {@link IndexSync#recover} drops it.
   */
  public void delete(String name) {
    long sequence = knowledgeBases.delete(name);
    if (sequence == 0) {
      throw new NotFoundException("knowledge base", name);
    }
    try {
      index.dropCollection(name);
    } catch (RuntimeException e) {
      sync.failed(new PendingIndexWrite(sequence, name, null));
      throw e;
    }
    sync.written(sequence);
  }

  private KnowledgeBaseView view(KnowledgeBase kb) {
    return new KnowledgeBaseView(kb, documents.count(kb.name()), documents.chunkCount(kb.name()));
  }
}
