package io.augment.adapter.out.memory;

import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.evaluation.EvaluationSetRepositoryContract;

class InMemoryEvaluationSetRepositoryTest extends EvaluationSetRepositoryContract {

  private final EvaluationSetRepository repository = new InMemoryEvaluationSetRepository();

  @Override
  protected EvaluationSetRepository repository() {
    return repository;
  }
}
