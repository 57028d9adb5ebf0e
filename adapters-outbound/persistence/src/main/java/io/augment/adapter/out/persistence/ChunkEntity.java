package io.augment.adapter.out.persistence;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Row of {@code chunk}: its text only; id, title and metadata come from the document. Written by {@link IngestRows}. */
@Entity
@Table(name = "chunk")
@IdClass(ChunkKey.class)
class ChunkEntity {

  @Id
  @Column(name = "knowledge_base", length = 63)
  String knowledgeBase;

  @Id
  @Column(name = "document_id", length = 200)
  String documentId;

  @Id
  @Column(name = "chunk_index")
  int index;

  @Column(nullable = false, length = 1_000_000)
  String content;

  @Column(name = "token_count", nullable = false)
  int tokenCount;

  Chunk toDomain(Document document) {
    return new Chunk(
        Chunk.idOf(documentId, index), documentId, index, document.title(), content, tokenCount,
        document.metadata());
  }
}
