package io.augment.adapter.out.persistence;

import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.persistence.KnowledgeBaseRepositoryContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The contract on H2, with the schema Flyway builds and Hibernate validates. */
@QuarkusTest
class HibernateKnowledgeBaseRepositoryTest extends KnowledgeBaseRepositoryContract {

  @Inject
  HibernateKnowledgeBaseRepository repository;

  @Override
  protected KnowledgeBaseRepository repository() {
    return repository;
  }
}
