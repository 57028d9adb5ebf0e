package io.augment.bootstrap;

import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Publishes totals of knowledge bases, documents and chunks for Prometheus. */
@Singleton
public class ChunkMetrics {
  void register(@Observes StartupEvent event, MeterRegistry registry, KnowledgeBaseRepository kbs, DocumentRepository docs) {
    Gauge.builder("augment.knowledge_bases", kbs, r -> r.findAll().size()).register(registry);
    Gauge.builder("augment.documents", kbs, r -> r.findAll().stream().mapToLong(kb -> docs.count(kb.name())).sum()).register(registry);
    Gauge.builder("augment.chunks", kbs, r -> r.findAll().stream().mapToLong(kb -> docs.chunkCount(kb.name())).sum()).register(registry);
  }
}
