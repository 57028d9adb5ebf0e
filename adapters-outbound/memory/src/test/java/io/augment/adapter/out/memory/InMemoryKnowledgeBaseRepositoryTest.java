package io.augment.adapter.out.memory;

import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.persistence.KnowledgeBaseRepositoryContract;

class InMemoryKnowledgeBaseRepositoryTest extends KnowledgeBaseRepositoryContract {

  private final KnowledgeBaseRepository repository =
      new InMemoryKnowledgeBaseRepository(new InMemoryDocumentRepository());

  @Override
  protected KnowledgeBaseRepository repository() {
    return repository;
  }
}
