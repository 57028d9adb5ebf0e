package io.augment.adapter.out.persistence;

import io.augment.domain.adaptation.TrainingFileRepository;
import io.augment.domain.adaptation.TrainingFileRepositoryContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The contract on H2, with the schema Flyway builds and Hibernate validates. */
@QuarkusTest
class HibernateTrainingFileRepositoryTest extends TrainingFileRepositoryContract {

  @Inject
  HibernateTrainingFileRepository repository;

  @Override
  protected TrainingFileRepository repository() {
    return repository;
  }
}
