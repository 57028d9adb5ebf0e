package io.augment.application.tenant;

import io.augment.application.adaptation.FineTuning;
import io.augment.application.adaptation.ManageModels;
import io.augment.application.adaptation.TrainingFiles;
import io.augment.application.benchmark.KnowledgeInjectionJobs;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.application.generation.Generators;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.ingest.IngestJobs;
import io.augment.application.ingest.ManageDocuments;
import io.augment.application.knowledgebase.KnowledgeBaseView;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.CompareAnswers;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.summary.SummarizeKnowledgeBase;
import io.augment.application.summary.SummaryJobs;
import io.augment.domain.model.QuotaExceededException;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.TenantId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One tenant's use cases, built over that tenant's own namespace of every backend; nothing in it can
 * reach another tenant's data. Fine-tuning and models are always there (a server without a trainer
 * answers them as not implemented); the knowledge-injection benchmark needs the local engine.
 */
public record Workspace(
    TenantId tenant,
    ManageKnowledgeBases knowledgeBases,
    IngestDocuments ingest,
    IngestJobs ingestJobs,
    ManageDocuments documents,
    SearchKnowledgeBase search,
    AnswerQuestion answers,
    CompareAnswers compare,
    Generators generators,
    SummarizeKnowledgeBase summarize,
    SummaryJobs summaryJobs,
    EvaluationSets evaluationSets,
    EvaluationRuns evaluationRuns,
    EvaluationReports evaluationReports,
    FineTuning fineTuning,
    TrainingFiles trainingFiles,
    ManageModels models,
    Optional<KnowledgeInjectionJobs> benchmarks,
    Supplier<Quotas> quotas) {

  /** Seconds a caller refused for concurrent jobs is told to wait. */
  public static final long JOB_RETRY_AFTER_SECONDS = 5;
  /** Seconds a caller refused for stored documents is told to wait (space frees only when it deletes). */
  public static final long DOCUMENTS_RETRY_AFTER_SECONDS = 60;

  /**
   * Runs {@code submit} if the tenant has fewer queued or running jobs (ingest, summary, evaluation,
   * fine-tune, benchmark) than its quota; one admission at a time per tenant, so two racing
   * submissions cannot both take the last slot.
   */
  public <T> T admitJob(Supplier<T> submit) {
    Integer max = quotas.get().maxConcurrentJobs();
    if (max == null) {
      return submit.get();
    }
    synchronized (this) {
      long active = activeJobs();
      if (active >= max) {
        throw new QuotaExceededException("tenant '" + tenant + "' has " + active + " jobs queued or running, the most its "
            + "quota allows (" + max + ")", JOB_RETRY_AFTER_SECONDS);
      }
      return submit.get();
    }
  }

  /**
   * Refuses an upload of {@code incoming} documents when the stored ones plus those would pass the
   * tenant's quota. Replacements count as new (the check runs before parsing), so it errs towards
   * refusing; concurrent uploads may pass it together.
   */
  public void admitDocuments(long incoming) {
    Long max = quotas.get().maxDocuments();
    if (max == null) {
      return;
    }
    long stored = knowledgeBases.list().stream().mapToLong(KnowledgeBaseView::documents).sum();
    if (stored + incoming > max) {
      throw new QuotaExceededException("tenant '" + tenant + "' stores " + stored + " documents; " + incoming
          + " more would pass its quota of " + max, DOCUMENTS_RETRY_AFTER_SECONDS);
    }
  }

  /** Jobs still queued or running, of every kind. */
  public long activeJobs() {
    long n = ingestJobs.list().stream().filter(j -> !j.status().finished()).count();
    n += summaryJobs.list().stream().filter(j -> !j.status().finished()).count();
    n += evaluationRuns.list().stream().filter(r -> !r.status().finished()).count();
    n += fineTuning.active();
    n += benchmarks.map(b -> b.list().stream().filter(j -> !j.status().finished()).count()).orElse(0L);
    return n;
  }
}
