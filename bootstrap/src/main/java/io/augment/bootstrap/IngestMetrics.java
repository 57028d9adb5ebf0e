package io.augment.bootstrap;

import io.augment.application.ingest.IngestListener;
import io.augment.application.ingest.IngestResult;
import io.augment.application.ingest.IngestResult.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts ingested documents by outcome ({@code augment_ingest_documents_total{outcome=...}}) and the
 * chunks written for created or updated ones ({@code augment_ingest_chunks_total}).
 */
@Singleton
public class IngestMetrics implements IngestListener {
  private final Map<Outcome, Counter> documents = new EnumMap<>(Outcome.class);
  private final Counter chunks;

  public IngestMetrics(MeterRegistry registry) {
    for (Outcome outcome : Outcome.values()) {
      documents.put(outcome, Counter.builder("augment.ingest.documents").description("Documents ingested, by outcome")
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
    }
    chunks = Counter.builder("augment.ingest.chunks").description("Chunks embedded and stored").register(registry);
  }

  @Override
  public void ingested(String knowledgeBase, IngestResult result) {
    documents.get(result.outcome()).increment();
    if ((result.outcome() == Outcome.CREATED || result.outcome() == Outcome.UPDATED) && result.document() != null) {
      chunks.increment(result.document().chunkCount());
    }
  }
}
