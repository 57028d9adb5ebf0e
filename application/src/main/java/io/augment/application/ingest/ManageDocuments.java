package io.augment.application.ingest;

import io.augment.application.index.IndexSync;
import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.model.Limits;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.persistence.PendingIndexWrite;
import io.augment.domain.retrieval.VectorIndex;
import java.util.List;

/** Reads and deletes the documents of a knowledge base. */
public final class ManageDocuments {
  private final KnowledgeBaseRepository knowledgeBases;
  private final DocumentRepository documents;
  private final VectorIndex index;
  private final IndexSync sync;

  public ManageDocuments(
      KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, VectorIndex index, IndexSync sync) {
    this.knowledgeBases = knowledgeBases;
    this.documents = documents;
    this.index = index;
    this.sync = sync;
  }

  public Document get(String knowledgeBase, String documentId) {
    requireKnowledgeBase(knowledgeBase);
    return documents.find(knowledgeBase, documentId)
        .orElseThrow(() -> new NotFoundException("document", knowledgeBase + "/" + documentId));
  }

  public List<Chunk> chunks(String knowledgeBase, String documentId) {
    get(knowledgeBase, documentId);
    return documents.chunks(knowledgeBase, documentId);
  }

  public List<Document> list(String knowledgeBase, int offset, int limit) {
    Limits.between("offset", offset, 0, Integer.MAX_VALUE);
    Limits.between("limit", limit, 1, Limits.PAGE_SIZE);
    requireKnowledgeBase(knowledgeBase);
    return documents.findAll(knowledgeBase, offset, limit);
  }

  /**
   * Deletes the record (durable on return, with a pending index write), then the document's chunks in
   * the index; {@link IndexSync} makes that durable or, after a crash, repeats it.
   */
  public void delete(String knowledgeBase, String documentId) {
    requireKnowledgeBase(knowledgeBase);
    sync.locks().with(knowledgeBase, documentId, () -> {
      long sequence = documents.delete(knowledgeBase, documentId);
      if (sequence == 0) {
        throw new NotFoundException("document", knowledgeBase + "/" + documentId);
      }
      try {
        index.deleteDocument(knowledgeBase, documentId);
      } catch (RuntimeException e) {
        sync.failed(new PendingIndexWrite(sequence, knowledgeBase, documentId));
        throw e;
      }
      sync.written(sequence);
      return null;
    });
    knowledgeBases.incrementRevision(knowledgeBase);
  }

  private void requireKnowledgeBase(String name) {
    if (knowledgeBases.find(name).isEmpty()) {
      throw new NotFoundException("knowledge base", name);
    }
  }
}
