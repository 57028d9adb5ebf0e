package io.augment.adapter.out.persistence;

import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationRunRepositoryContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The contract on H2, with the schema Flyway builds and Hibernate validates. */
@QuarkusTest
class HibernateEvaluationRunRepositoryTest extends EvaluationRunRepositoryContract {

  @Inject
  HibernateEvaluationRunRepository repository;

  @Override
  protected EvaluationRunRepository repository() {
    return repository;
  }
}
