package io.augment.adapter.out.persistence;

import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.retrieval.RetrievalMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code knowledge_base}; the embedding spec and chunking settings are flattened into columns. */
@Entity
@Table(name = "knowledge_base")
class KnowledgeBaseEntity {

  @Id
  @Column(length = 63)
  String name;

  @Column(nullable = false, length = 10_000)
  String description;

  @Column(name = "embedding_model_id", nullable = false, length = 200)
  String embeddingModelId;

  @Column(name = "embedding_dimension", nullable = false)
  int embeddingDimension;

  @Column(name = "embedding_max_input_tokens", nullable = false)
  int embeddingMaxInputTokens;

  @Column(name = "chunk_size_tokens", nullable = false)
  int chunkSizeTokens;

  @Column(name = "chunk_overlap_tokens", nullable = false)
  int chunkOverlapTokens;

  @Column(nullable = false)
  long revision;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "retrieval_mode", nullable = false, length = 16)
  String retrievalMode;

  /** Summed by one SQL update at a time; never written from the entity, so an update cannot lose a concurrent add. */
  @Column(name = "ingest_millis", nullable = false, insertable = false, updatable = false)
  long ingestMillis;

  static KnowledgeBaseEntity from(KnowledgeBase knowledgeBase) {
    KnowledgeBaseEntity entity = new KnowledgeBaseEntity();
    entity.name = knowledgeBase.name();
    entity.update(knowledgeBase);
    return entity;
  }

  void update(KnowledgeBase knowledgeBase) {
    description = knowledgeBase.description();
    embeddingModelId = knowledgeBase.embedding().modelId();
    embeddingDimension = knowledgeBase.embedding().dimension();
    embeddingMaxInputTokens = knowledgeBase.embedding().maxInputTokens();
    chunkSizeTokens = knowledgeBase.chunking().chunkSizeTokens();
    chunkOverlapTokens = knowledgeBase.chunking().overlapTokens();
    revision = knowledgeBase.revision();
    createdAt = knowledgeBase.createdAt();
    retrievalMode = knowledgeBase.retrieval().name();
  }

  KnowledgeBase toDomain() {
    return new KnowledgeBase(
        name,
        description,
        new EmbeddingSpec(embeddingModelId, embeddingDimension, embeddingMaxInputTokens),
        new ChunkingSettings(chunkSizeTokens, chunkOverlapTokens),
        revision,
        createdAt,
        RetrievalMode.valueOf(retrievalMode));
  }
}
