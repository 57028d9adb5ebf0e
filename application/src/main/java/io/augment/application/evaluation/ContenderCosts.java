package io.augment.application.evaluation;

import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.TrainingCost;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.VectorIndex;
import java.util.OptionalLong;

/**
 * What producing a contender cost, read from what produced it: RAG its ingest time, index bytes and
 * chunks (nothing trained); a trained model its recorded {@link TrainingCost} and artifact bytes; RAG
 * read by a trained model both; a configured generator nothing known. Unrecorded values are null.
 */
public final class ContenderCosts {
  private final KnowledgeBaseRepository knowledgeBases;
  private final VectorIndex index;
  private final AdapterCatalog adapters;

  /** @param adapters the trained models, or null when the local engine is off */
  public ContenderCosts(KnowledgeBaseRepository knowledgeBases, VectorIndex index, AdapterCatalog adapters) {
    this.knowledgeBases = knowledgeBases;
    this.index = index;
    this.adapters = adapters;
  }

  public ContenderCost cost(Contender contender) {
    Adapter adapter = contender.adapter() == null || adapters == null ? null
        : adapters.find(contender.adapter()).orElse(null);
    ContenderCost trained = contender.adapter() == null ? null : trained(adapter);
    if (!contender.rag()) {
      return trained != null ? trained : ContenderCost.UNKNOWN;
    }
    String kb = contender.knowledgeBase();
    Long ingest = boxed(knowledgeBases.ingestMillis(kb));
    Long bytes = boxed(index.storageBytes(kb));
    Long chunks = chunks(kb);
    if (trained == null) {
      return new ContenderCost(0L, null, 0.0, null, null, null, ingest, bytes, chunks);
    }
    return new ContenderCost(trained.trainableParameters(), trained.totalParameters(), trained.trainingSeconds(),
        trained.trainingTokensPerSecond(), trained.peakMemoryBytes(), trained.artifactBytes(), ingest, bytes, chunks);
  }

  private static ContenderCost trained(Adapter adapter) {
    if (adapter == null) {
      return ContenderCost.UNKNOWN;
    }
    TrainingCost t = adapter.training();
    if (t == null) {
      return new ContenderCost(null, null, null, null, null, adapter.bytes(), null, null, null);
    }
    return new ContenderCost(t.trainableParameters(), t.totalParameters(), t.seconds(), t.tokensPerSecond(),
        t.peakMemoryBytes() > 0 ? t.peakMemoryBytes() : null, adapter.bytes(), null, null, null);
  }

  private Long chunks(String kb) {
    try {
      return index.count(kb);
    } catch (RuntimeException e) { // a collection never created, or a remote store that is down
      return null;
    }
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }
}
