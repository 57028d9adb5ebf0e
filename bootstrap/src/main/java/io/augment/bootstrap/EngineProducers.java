package io.augment.bootstrap;

import io.augment.application.adaptation.FineTuneKnowledgeBase;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The operator's tenant's engine parts as beans, resolvable only while {@code augment.engine.enabled=true}. */
@Singleton
public class EngineProducers {

  @Produces
  @ApplicationScoped
  @LookupIfProperty(name = "augment.engine.enabled", stringValue = "true", lookupIfMissing = true)
  FineTuner fineTuner(TenantWorkspaces workspaces) {
    return workspaces.operator().fineTuner().orElseThrow();
  }

  @Produces
  @ApplicationScoped
  @LookupIfProperty(name = "augment.engine.enabled", stringValue = "true", lookupIfMissing = true)
  AdapterCatalog adapterCatalog(TenantWorkspaces workspaces) {
    return workspaces.operator().adapters().orElseThrow();
  }

  @Produces
  @Singleton
  @LookupIfProperty(name = "augment.engine.enabled", stringValue = "true", lookupIfMissing = true)
  FineTuneKnowledgeBase fineTuneKnowledgeBase(TenantWorkspaces workspaces) {
    return workspaces.operator().fineTune().orElseThrow();
  }
}
