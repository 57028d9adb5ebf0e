package io.augment.bootstrap;

import io.augment.application.knowledgebase.KnowledgeBaseView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.function.ToLongFunction;

/** Publishes totals of knowledge bases, documents and chunks over every tenant for Prometheus. */
@Singleton
public class ChunkMetrics {
  void register(@Observes StartupEvent event, MeterRegistry registry, TenantWorkspaces workspaces) {
    Gauge.builder("augment.knowledge_bases", workspaces, w -> total(w, v -> 1)).register(registry);
    Gauge.builder("augment.documents", workspaces, w -> total(w, KnowledgeBaseView::documents)).register(registry);
    Gauge.builder("augment.chunks", workspaces, w -> total(w, KnowledgeBaseView::chunks)).register(registry);
  }

  private static double total(TenantWorkspaces workspaces, ToLongFunction<KnowledgeBaseView> each) {
    return workspaces.all().stream().flatMap(b -> b.workspace().knowledgeBases().list().stream()).mapToLong(each).sum();
  }
}
