package io.augment.adapter.out.memory;

import io.augment.domain.adaptation.TrainingFileRepository;
import io.augment.domain.adaptation.TrainingFileRepositoryContract;

class InMemoryTrainingFileRepositoryTest extends TrainingFileRepositoryContract {

  private final TrainingFileRepository repository = new InMemoryTrainingFileRepository();

  @Override
  protected TrainingFileRepository repository() {
    return repository;
  }
}
