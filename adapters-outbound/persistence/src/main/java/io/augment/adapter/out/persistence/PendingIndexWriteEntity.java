package io.augment.adapter.out.persistence;

import io.augment.domain.persistence.PendingIndexWrite;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Row of {@code pending_index_write}; sequences come 50 at a time from the database sequence. */
@Entity
@Table(name = "pending_index_write")
class PendingIndexWriteEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pending_index_write_seq")
  @SequenceGenerator(name = "pending_index_write_seq", sequenceName = "pending_index_write_seq", allocationSize = 50)
  Long sequence;

  @Column(name = "knowledge_base", nullable = false, length = 63)
  String knowledgeBase;

  @Column(name = "document_id", length = 200)
  String documentId;

  static PendingIndexWriteEntity of(String knowledgeBase, String documentId) {
    PendingIndexWriteEntity entity = new PendingIndexWriteEntity();
    entity.knowledgeBase = knowledgeBase;
    entity.documentId = documentId;
    return entity;
  }

  PendingIndexWrite toDomain() {
    return new PendingIndexWrite(sequence, knowledgeBase, documentId);
  }
}
