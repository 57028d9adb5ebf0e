package io.augment.adapter.out.persistence;

import io.augment.domain.model.Document;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Row of {@code document} with its metadata from {@code document_metadata}; written by {@link IngestRows}. */
@Entity
@Table(name = "document")
@IdClass(DocumentKey.class)
class DocumentEntity {

  @Id
  @Column(name = "knowledge_base", length = 63)
  String knowledgeBase;

  @Id
  @Column(length = 200)
  String id;

  @Column(nullable = false, length = 2000)
  String title;

  @Column(name = "media_type")
  String mediaType;

  @Column(name = "content_hash", nullable = false, length = 128)
  String contentHash;

  @Column(name = "chunk_count", nullable = false)
  int chunkCount;

  @Column(name = "token_count", nullable = false)
  long tokenCount;

  @Column(name = "ingested_at", nullable = false)
  Instant ingestedAt;

  @ElementCollection
  @CollectionTable(
      name = "document_metadata",
      joinColumns = {
        @JoinColumn(name = "knowledge_base", referencedColumnName = "knowledge_base"),
        @JoinColumn(name = "document_id", referencedColumnName = "id")
      })
  @MapKeyColumn(name = "meta_key")
  @Column(name = "meta_value", nullable = false, length = 10_000)
  Map<String, String> metadata = new HashMap<>();

  Document toDomain() {
    return new Document(
        knowledgeBase, id, title, mediaType, contentHash, metadata, chunkCount, tokenCount, ingestedAt);
  }
}
