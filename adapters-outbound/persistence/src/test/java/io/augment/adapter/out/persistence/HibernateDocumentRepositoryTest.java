package io.augment.adapter.out.persistence;

import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.DocumentRepositoryContract;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The contract on H2, with the schema Flyway builds and Hibernate validates. */
@QuarkusTest
class HibernateDocumentRepositoryTest extends DocumentRepositoryContract {

  @Inject
  HibernateKnowledgeBaseRepository knowledgeBases;

  @Inject
  HibernateDocumentRepository documents;

  @Override
  protected KnowledgeBaseRepository knowledgeBases() {
    return knowledgeBases;
  }

  @Override
  protected DocumentRepository repository() {
    return documents;
  }
}
