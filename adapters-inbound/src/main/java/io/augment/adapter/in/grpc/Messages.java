package io.augment.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import io.augment.adapter.in.grpc.v1.Answer;
import io.augment.adapter.in.grpc.v1.Citation;
import io.augment.adapter.in.grpc.v1.Document;
import io.augment.adapter.in.grpc.v1.IngestJob;
import io.augment.adapter.in.grpc.v1.IngestResult;
import io.augment.adapter.in.grpc.v1.KnowledgeBase;
import io.augment.adapter.in.grpc.v1.Progress;
import io.augment.adapter.in.grpc.v1.SearchHit;
import io.augment.adapter.in.grpc.v1.SearchResponse;
import io.augment.adapter.in.grpc.v1.Timings;
import io.augment.adapter.in.grpc.v1.TokenUsage;
import io.augment.application.knowledgebase.KnowledgeBaseView;
import io.augment.application.query.SearchResult;
import io.augment.domain.retrieval.ScoredChunk;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Builds response messages from the use cases' records; null fields stay unset. */
final class Messages {
  private Messages() {}

  static KnowledgeBase knowledgeBase(KnowledgeBaseView view) {
    var kb = view.knowledgeBase();
    return KnowledgeBase.newBuilder().setName(kb.name()).setDescription(kb.description())
        .setEmbeddingModel(kb.embedding().modelId()).setDimension(kb.embedding().dimension())
        .setMaxInputTokens(kb.embedding().maxInputTokens()).setChunkSizeTokens(kb.chunking().chunkSizeTokens())
        .setChunkOverlapTokens(kb.chunking().overlapTokens()).setRetrievalMode(lower(kb.retrieval()))
        .setRevision(kb.revision()).setDocuments(view.documents()).setChunks(view.chunks())
        .setCreatedAt(timestamp(kb.createdAt())).build();
  }

  static Document document(io.augment.domain.model.Document d) {
    Document.Builder b = Document.newBuilder().setId(d.id()).setTitle(d.title()).setMediaType(d.mediaType())
        .setContentHash(d.contentHash()).putAllMetadata(d.metadata()).setChunks(d.chunkCount()).setTokens(d.tokenCount());
    if (d.ingestedAt() != null) {
      b.setIngestedAt(timestamp(d.ingestedAt()));
    }
    return b.build();
  }

  static IngestResult ingestResult(io.augment.application.ingest.IngestResult r) {
    IngestResult.Builder b = IngestResult.newBuilder().setOutcome(lower(r.outcome()));
    if (r.documentId() != null) {
      b.setDocumentId(r.documentId());
    }
    if (r.document() != null) {
      b.setDocument(document(r.document()));
    }
    if (r.error() != null) {
      b.setError(r.error());
    }
    return b.build();
  }

  static Progress progress(io.augment.domain.job.Progress p) {
    Progress.Builder progress = Progress.newBuilder().setDone(p.done()).setTotal(p.total()).setUnit(p.unit())
        .setPercent(p.percent()).setRatePerSecond(p.ratePerSecond());
    if (p.eta() != null) {
      progress.setEtaSeconds(p.eta().toMillis() / 1000.0);
    }
    return progress.build();
  }

  static IngestJob ingestJob(io.augment.application.ingest.IngestJob j) {
    IngestJob.Builder b = IngestJob.newBuilder().setId(j.id()).setKnowledgeBase(j.knowledgeBase())
        .setStatus(lower(j.status())).setDocuments(j.documents()).setProgress(progress(j.progress()))
        .addAllResults(j.results().stream().map(Messages::ingestResult).toList()).setSubmittedAt(timestamp(j.submittedAt()));
    if (j.error() != null) {
      b.setError(j.error());
    }
    if (j.finishedAt() != null) {
      b.setFinishedAt(timestamp(j.finishedAt()));
    }
    return b.build();
  }

  static SearchResponse search(String query, SearchResult result) {
    SearchResponse.Builder b = SearchResponse.newBuilder().setQuery(query).setMode(lower(result.mode()))
        .addAllQueries(result.queries()).addAllNotes(result.notes()).setEmbedMs(result.embedMs())
        .setSearchMs(result.searchMs()).setExpandMs(result.expandMs()).setRerankMs(result.rerankMs());
    int rank = 0;
    for (ScoredChunk c : result.chunks()) {
      b.addHits(SearchHit.newBuilder().setRank(++rank).setDocumentId(c.chunk().documentId()).setChunkId(c.chunk().id())
          .setTitle(c.chunk().title() == null ? "" : c.chunk().title()).setScore(c.score()).setText(c.chunk().text())
          .putAllMetadata(c.chunk().metadata()));
    }
    return b.build();
  }

  static Answer answer(io.augment.application.query.Answer a) {
    Answer.Builder b = Answer.newBuilder().setQuestion(a.question()).setText(a.text())
        .addAllCitations(citations(a.citations())).setExtractive(a.extractive());
    if (a.generator() != null) {
      b.setGenerator(a.generator());
    }
    if (a.usage() != null) {
      b.setUsage(TokenUsage.newBuilder().setPromptTokens(a.usage().promptTokens())
          .setCompletionTokens(a.usage().completionTokens()).setTotalTokens(a.usage().totalTokens()));
    }
    var t = a.timings();
    return b.setTimings(Timings.newBuilder().setEmbedMs(t.embedMs()).setSearchMs(t.searchMs())
        .setAugmentMs(t.augmentMs()).setGenerateMs(t.generateMs()).setTotalMs(t.totalMs())).build();
  }

  static List<Citation> citations(List<io.augment.application.query.Citation> citations) {
    return citations.stream().map(c -> Citation.newBuilder().setNumber(c.number()).setDocumentId(c.documentId())
        .setChunkId(c.chunkId()).setTitle(c.title() == null ? "" : c.title()).setScore(c.score()).setText(c.text())
        .setCited(c.cited()).build()).toList();
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
