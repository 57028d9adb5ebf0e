package io.augment.adapter.out.memory;

import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.DocumentRepositoryContract;
import io.augment.domain.persistence.KnowledgeBaseRepository;

class InMemoryDocumentRepositoryTest extends DocumentRepositoryContract {

  private final InMemoryDocumentRepository documents = new InMemoryDocumentRepository();
  private final KnowledgeBaseRepository knowledgeBases = new InMemoryKnowledgeBaseRepository(documents);

  @Override
  protected KnowledgeBaseRepository knowledgeBases() {
    return knowledgeBases;
  }

  @Override
  protected DocumentRepository repository() {
    return documents;
  }
}
