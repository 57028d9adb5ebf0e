package io.augment.bootstrap;

import io.augment.adapter.out.memory.InMemoryFineTuneJobRepository;
import io.augment.adapter.out.memory.InMemoryTrainingFileRepository;
import io.augment.adapter.out.parsing.JsonlTrainingDataParser;
import io.augment.adapter.out.persistence.HibernateFineTuneJobRepository;
import io.augment.adapter.out.persistence.HibernateTrainingFileRepository;
import io.augment.domain.adaptation.FineTuneJobRepository;
import io.augment.domain.adaptation.TrainingDataParser;
import io.augment.domain.adaptation.TrainingFileRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Fine-tuning's stores (the operator's tenant's; chosen by {@code augment.metadata-store} like the
 * others), the training-file parser, and the recovery of jobs an earlier process left unfinished.
 */
@Singleton
public class FineTuningProducers {
  private static final Logger LOG = Logger.getLogger(FineTuningProducers.class);

  @Produces
  @Singleton
  FineTuneJobRepository fineTuneJobRepository(AugmentConfig config, Instance<HibernateFineTuneJobRepository> jpa) {
    return switch (config.metadataStore()) {
      case JPA -> jpa.get();
      case MEMORY -> new InMemoryFineTuneJobRepository();
    };
  }

  @Produces
  @Singleton
  TrainingFileRepository trainingFileRepository(AugmentConfig config, Instance<HibernateTrainingFileRepository> jpa) {
    return switch (config.metadataStore()) {
      case JPA -> jpa.get();
      case MEMORY -> new InMemoryTrainingFileRepository();
    };
  }

  @Produces
  @Singleton
  TrainingDataParser trainingDataParser() {
    return new JsonlTrainingDataParser();
  }

  /**
   * After the index repair and evaluation resumption: every tenant's unfinished fine-tuning jobs are
   * resumed by their trainer or failed with the reason, so none stays running with nothing running it.
   */
  void recover(@Observes @Priority(3) StartupEvent event, TenantWorkspaces workspaces) {
    for (WorkspaceFactory.Built built : workspaces.all()) {
      try {
        built.workspace().fineTuning().recover();
      } catch (RuntimeException e) {
        LOG.errorf(e, "tenant %s: cannot recover its fine-tuning jobs", built.workspace().tenant());
      }
    }
  }
}
