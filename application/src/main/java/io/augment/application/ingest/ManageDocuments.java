package io.augment.application.ingest;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.VectorIndex;
import java.util.List;

/** Reads and deletes the documents of a knowledge base. */
public final class ManageDocuments {
  private final KnowledgeBaseRepository knowledgeBases;
  private final DocumentRepository documents;
  private final VectorIndex index;

  public ManageDocuments(KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, VectorIndex index) {
    this.knowledgeBases = knowledgeBases;
    this.documents = documents;
    this.index = index;
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
    requireKnowledgeBase(knowledgeBase);
    return documents.findAll(knowledgeBase, Math.max(0, offset), Math.max(1, Math.min(limit, 1000)));
  }

  /** Removes the document's chunks from the index, then its record. */
  public void delete(String knowledgeBase, String documentId) {
    get(knowledgeBase, documentId);
    index.deleteDocument(knowledgeBase, documentId);
    documents.delete(knowledgeBase, documentId);
    knowledgeBases.find(knowledgeBase).ifPresent(kb -> knowledgeBases.update(kb.nextRevision()));
  }

  private void requireKnowledgeBase(String name) {
    if (knowledgeBases.find(name).isEmpty()) {
      throw new NotFoundException("knowledge base", name);
    }
  }
}
