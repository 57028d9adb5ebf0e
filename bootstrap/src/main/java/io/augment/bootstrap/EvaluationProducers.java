package io.augment.bootstrap;

import io.augment.adapter.out.memory.InMemoryEvaluationRunRepository;
import io.augment.adapter.out.memory.InMemoryEvaluationSetRepository;
import io.augment.adapter.out.persistence.HibernateEvaluationRunRepository;
import io.augment.adapter.out.persistence.HibernateEvaluationSetRepository;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Qualifier;
import jakarta.inject.Singleton;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Evaluation sets and runs: their repositories (chosen by {@code augment.metadata-store} like the
 * knowledge bases'), the use cases and their collaborators, the executor that runs evaluations, and
 * the resumption of unfinished runs at start-up, after the vector index has been repaired; the
 * operator's tenant's use cases as beans ({@link WorkspaceFactory} builds every tenant's).
 */
@Singleton
public class EvaluationProducers {

  /** Qualifies the executor that runs evaluation runs. */
  @Qualifier
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
  public @interface EvaluationExecutor {}

  @Produces
  @Singleton
  EvaluationSetRepository evaluationSetRepository(AugmentConfig config, Instance<HibernateEvaluationSetRepository> jpa) {
    return switch (config.metadataStore()) {
      case JPA -> jpa.get();
      case MEMORY -> new InMemoryEvaluationSetRepository();
    };
  }

  @Produces
  @Singleton
  EvaluationRunRepository evaluationRunRepository(AugmentConfig config, Instance<HibernateEvaluationRunRepository> jpa) {
    return switch (config.metadataStore()) {
      case JPA -> jpa.get();
      case MEMORY -> new InMemoryEvaluationRunRepository();
    };
  }

  @Produces
  @Singleton
  EvaluationSets evaluationSets(TenantWorkspaces workspaces) {
    return workspaces.operator().evaluationSets();
  }

  /** One thread per run that may execute at once; daemon threads, so a stuck answer never holds the JVM. */
  @Produces
  @Singleton
  @EvaluationExecutor
  ExecutorService evaluationExecutor() {
    return Executors.newFixedThreadPool(EvaluationRuns.DEFAULT_MAX_RUNNING, r -> {
      Thread t = new Thread(r, "augment-evaluation");
      t.setDaemon(true);
      return t;
    });
  }

  /** Interrupts running evaluations: they stay RUNNING in the store and resume at the next start. */
  void shutdown(@Disposes @EvaluationExecutor ExecutorService executor) {
    executor.shutdownNow();
  }

  @Produces
  @Singleton
  EvaluationRuns evaluationRuns(TenantWorkspaces workspaces) {
    return workspaces.operator().evaluationRuns();
  }

  @Produces
  @Singleton
  EvaluationReports evaluationReports(TenantWorkspaces workspaces) {
    return workspaces.operator().evaluationReports();
  }

  /** After {@link IndexRecovery} (priority 1): a resumed run must search a repaired index. Every tenant's. */
  void resume(@Observes @Priority(2) StartupEvent event, TenantWorkspaces workspaces) {
    workspaces.all().forEach(b -> b.workspace().evaluationRuns().recover());
  }
}
