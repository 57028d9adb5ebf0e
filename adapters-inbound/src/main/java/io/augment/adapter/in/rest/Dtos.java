package io.augment.adapter.in.rest;

import io.augment.application.ingest.IngestJob;
import io.augment.application.ingest.IngestResult;
import io.augment.application.knowledgebase.KnowledgeBaseView;
import io.augment.domain.job.Progress;
import io.augment.domain.model.Document;
import io.augment.domain.model.KnowledgeBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON shapes of the REST API. */
public final class Dtos {
  private Dtos() {}

  /** {@code retrievalMode}: dense (default), bm25 or hybrid; queries may override it. */
  public record CreateKnowledgeBase(
      String name, String description, String embeddingModel, Integer chunkSizeTokens, Integer chunkOverlapTokens,
      String retrievalMode) {}

  public record KnowledgeBaseJson(
      String name, String description, String embeddingModel, int dimension, int maxInputTokens,
      int chunkSizeTokens, int chunkOverlapTokens, String retrievalMode, long revision, long documents, long chunks,
      Instant createdAt) {
    static KnowledgeBaseJson of(KnowledgeBaseView view) {
      KnowledgeBase kb = view.knowledgeBase();
      return new KnowledgeBaseJson(kb.name(), kb.description(), kb.embedding().modelId(), kb.embedding().dimension(),
          kb.embedding().maxInputTokens(), kb.chunking().chunkSizeTokens(), kb.chunking().overlapTokens(),
          kb.retrieval().name().toLowerCase(), kb.revision(), view.documents(), view.chunks(), kb.createdAt());
    }
  }

  public record DocumentInput(String id, String title, String text, String mediaType, Map<String, String> metadata) {}

  public record DocumentJson(
      String id, String title, String mediaType, String contentHash, Map<String, String> metadata,
      int chunks, long tokens, Instant ingestedAt) {
    static DocumentJson of(Document d) {
      return d == null ? null : new DocumentJson(d.id(), d.title(), d.mediaType(), d.contentHash(), d.metadata(),
          d.chunkCount(), d.tokenCount(), d.ingestedAt());
    }
  }

  public record IngestResultJson(String documentId, String outcome, DocumentJson document, String error) {
    static IngestResultJson of(IngestResult r) {
      return new IngestResultJson(r.documentId(), r.outcome().name().toLowerCase(), DocumentJson.of(r.document()), r.error());
    }
  }

  public record ProgressJson(long done, long total, String unit, double percent, double ratePerSecond, Double etaSeconds) {
    static ProgressJson of(Progress p) {
      return new ProgressJson(p.done(), p.total(), p.unit(), p.percent(), p.ratePerSecond(),
          p.eta() == null ? null : p.eta().toMillis() / 1000.0);
    }
  }

  public record IngestJobJson(
      String id, String knowledgeBase, String status, int documents, ProgressJson progress,
      List<IngestResultJson> results, String error, Instant submittedAt, Instant finishedAt) {
    static IngestJobJson of(IngestJob j) {
      return new IngestJobJson(j.id(), j.knowledgeBase(), j.status().name().toLowerCase(), j.documents(),
          ProgressJson.of(j.progress()), j.results().stream().map(IngestResultJson::of).toList(), j.error(),
          j.submittedAt(), j.finishedAt());
    }
  }

  public record BatchInput(List<DocumentInput> documents) {}

  /**
   * {@code filter}: metadata key to a value, a list of values, {@code {"anyOf": [...]}} for
   * comma-separated lists such as tags, or {@code {"from": .., "to": ..}} (ISO dates); keys are ANDed.
   * {@code mode}: dense, bm25 or hybrid (default: the knowledge base's). {@code hyde}, {@code queryVariants},
   * {@code rerank}, {@code candidates}: see RetrievalOptions.
   */
  public record SearchInput(
      String query, Integer topK, Map<String, Object> filter, String mode, Boolean hyde, Integer queryVariants,
      Boolean rerank, Integer candidates) {}

  public record QueryInput(
      String question, Integer topK, Map<String, Object> filter, Integer maxTokens, Double temperature, String mode,
      Boolean hyde, Integer queryVariants, Boolean rerank, Integer candidates) {}

  public record SearchHit(int rank, String documentId, String chunkId, String title, double score, String text, Map<String, String> metadata) {}

  public record SearchResponse(
      String query, String mode, List<SearchHit> hits, List<String> queries, List<String> notes, double embedMs,
      double searchMs, double expandMs, double rerankMs) {}
}
