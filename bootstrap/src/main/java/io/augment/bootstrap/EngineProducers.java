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

/** The local engine's ports, resolvable only while {@code augment.engine.enabled=true}. */
@Singleton
public class EngineProducers {

  @Produces
  @ApplicationScoped
  @LookupIfProperty(name = "augment.engine.enabled", stringValue = "true", lookupIfMissing = true)
  FineTuner fineTuner(LocalEngine engine) {
    return engine.get().fineTuner();
  }

  @Produces
  @ApplicationScoped
  @LookupIfProperty(name = "augment.engine.enabled", stringValue = "true", lookupIfMissing = true)
  AdapterCatalog adapterCatalog(LocalEngine engine) {
    return engine.get().catalog();
  }

  @Produces
  @Singleton
  @LookupIfProperty(name = "augment.engine.enabled", stringValue = "true", lookupIfMissing = true)
  FineTuneKnowledgeBase fineTuneKnowledgeBase(KnowledgeBaseRepository kbs, DocumentRepository docs, FineTuner fineTuner) {
    return new FineTuneKnowledgeBase(kbs, docs, fineTuner);
  }
}
