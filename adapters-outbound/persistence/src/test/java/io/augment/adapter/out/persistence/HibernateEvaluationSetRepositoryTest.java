package io.augment.adapter.out.persistence;

import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.evaluation.EvaluationSetRepositoryContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The contract on H2, with the schema Flyway builds and Hibernate validates. */
@QuarkusTest
class HibernateEvaluationSetRepositoryTest extends EvaluationSetRepositoryContract {

  @Inject
  HibernateEvaluationSetRepository repository;

  @Override
  protected EvaluationSetRepository repository() {
    return repository;
  }
}
