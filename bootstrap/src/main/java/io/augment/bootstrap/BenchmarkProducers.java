package io.augment.bootstrap;

import io.augment.application.benchmark.KnowledgeInjection;
import io.augment.application.benchmark.KnowledgeInjectionJobs;
import io.augment.application.benchmark.KnowledgeInjectionResult;
import io.augment.application.benchmark.ModelShape;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.application.generation.Generators;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.job.BackgroundJobs;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.FineTuner;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The knowledge-injection benchmark over the server's own use cases and engine: one run at a time
 * on its own thread; its base model is trained at {@code augment.engine.scratch.*}. Resolvable only
 * while the engine is on (the API answers 501 otherwise, as fine-tuning does).
 */
@Singleton
public class BenchmarkProducers {
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "knowledge-injection-benchmark");
    t.setDaemon(true);
    return t;
  });

  @Produces
  @Singleton
  @LookupIfProperty(name = "augment.engine.enabled", stringValue = "true", lookupIfMissing = true)
  KnowledgeInjectionJobs knowledgeInjectionJobs(AugmentConfig config, FineTuner fineTuner,
      AdapterCatalog catalog, Generators generators,
      ManageKnowledgeBases knowledgeBases, IngestDocuments ingest, EvaluationSets sets, EvaluationRuns runs) {
    AugmentConfig.Engine.Scratch s = config.engine().scratch();
    KnowledgeInjection protocol = new KnowledgeInjection(fineTuner, catalog, generators, knowledgeBases,
        ingest, sets, runs);
    return new KnowledgeInjectionJobs(protocol,
        new BackgroundJobs<KnowledgeInjectionResult>("knowledge-injection benchmark", "per-mille", executor,
            Clock.systemUTC(), 20),
        runs, new EvaluationReports(catalog),
        new ModelShape(s.vocabSize(), s.contextLength(), s.width(), s.layers(), s.heads()));
  }

  void stop(@Observes ShutdownEvent event) {
    executor.shutdownNow();
  }
}
