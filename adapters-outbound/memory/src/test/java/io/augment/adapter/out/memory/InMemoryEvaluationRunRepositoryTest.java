package io.augment.adapter.out.memory;

import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationRunRepositoryContract;

class InMemoryEvaluationRunRepositoryTest extends EvaluationRunRepositoryContract {

  private final EvaluationRunRepository repository = new InMemoryEvaluationRunRepository();

  @Override
  protected EvaluationRunRepository repository() {
    return repository;
  }
}
