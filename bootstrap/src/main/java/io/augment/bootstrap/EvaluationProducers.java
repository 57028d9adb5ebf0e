package io.augment.bootstrap;

import io.augment.adapter.out.memory.InMemoryEvaluationRunRepository;
import io.augment.adapter.out.memory.InMemoryEvaluationSetRepository;
import io.augment.adapter.out.persistence.HibernateEvaluationRunRepository;
import io.augment.adapter.out.persistence.HibernateEvaluationSetRepository;
import io.augment.application.evaluation.ContenderAnswers;
import io.augment.application.evaluation.ContenderCheck;
import io.augment.application.evaluation.ContenderCosts;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.application.generation.Generators;
import io.augment.application.query.AnswerQuestion;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.VectorIndex;
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
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Evaluation sets and runs: their repositories (chosen by {@code augment.metadata-store} like the
 * knowledge bases'), the use cases and their collaborators, the executor that runs evaluations, and
 * the resumption of unfinished runs at start-up, after the vector index has been repaired. With the
 * local engine off, the use cases work and adapter contenders are refused.
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
  EvaluationSets evaluationSets(EvaluationSetRepository repository) {
    return new EvaluationSets(repository, Clock.systemUTC());
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

  /** Refuses contenders this deployment lacks; with the engine off, every trained-model contender. */
  @Produces
  @Singleton
  ContenderCheck contenderCheck(
      KnowledgeBaseRepository knowledgeBases, Generators generators, LocalEngine engine, Instance<AdapterCatalog> catalog) {
    return new ContenderCheck(knowledgeBases, adapters(engine, catalog), generators);
  }

  @Produces
  @Singleton
  EvaluationRuns evaluationRuns(
      EvaluationSetRepository sets, EvaluationRunRepository runs, KnowledgeBaseRepository knowledgeBases,
      VectorIndex index, AnswerQuestion answers, Generators generators, ContenderCheck check, LocalEngine engine,
      Instance<AdapterCatalog> catalog, @EvaluationExecutor ExecutorService executor) {
    return new EvaluationRuns(sets, runs, check, new ContenderAnswers(answers, generators),
        new ContenderCosts(knowledgeBases, index, adapters(engine, catalog)), executor, Clock.systemUTC(),
        EvaluationRuns.DEFAULT_MAX_RUNNING);
  }

  /** The trained models, or null with the engine off (then adapter contenders are refused). */
  private static AdapterCatalog adapters(LocalEngine engine, Instance<AdapterCatalog> catalog) {
    return engine.enabled() ? catalog.get() : null;
  }

  /** Reports name each trained contender's base model from the catalog; with the engine off there is none. */
  @Produces
  @Singleton
  EvaluationReports evaluationReports(LocalEngine engine, Instance<AdapterCatalog> catalog) {
    return engine.enabled() ? new EvaluationReports(catalog.get()) : EvaluationReports.withBaseModels(Map.of());
  }

  /** After {@link IndexRecovery} (priority 1): a resumed run must search a repaired index. */
  void resume(@Observes @Priority(2) StartupEvent event, EvaluationRuns runs) {
    runs.recover();
  }
}
