package io.augment.bootstrap;

import io.augment.application.benchmark.KnowledgeInjectionJobs;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The operator's tenant's knowledge-injection benchmark as a bean (every tenant has its own; all
 * share one thread, so one run at a time on the server); its base model is trained at {@code augment.engine.scratch.*}. Resolvable only
 * while the engine is on (the API answers 501 otherwise, as fine-tuning does).
 */
@Singleton
public class BenchmarkProducers {

  @Produces
  @Singleton
  @LookupIfProperty(name = "augment.engine.enabled", stringValue = "true", lookupIfMissing = true)
  KnowledgeInjectionJobs knowledgeInjectionJobs(TenantWorkspaces workspaces) {
    return workspaces.operator().benchmarks().orElseThrow();
  }
}
