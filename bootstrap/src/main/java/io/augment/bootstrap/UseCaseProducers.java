package io.augment.bootstrap;

import io.augment.application.index.IndexSync;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.ingest.IngestJobs;
import io.augment.application.ingest.ManageDocuments;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.CompareAnswers;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.summary.SummarizeKnowledgeBase;
import io.augment.application.summary.SummaryJobs;
import io.augment.domain.ingest.DocumentParser;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The shared parts the use cases are built with, and the operator's tenant's use cases as beans
 * (benchmarks, start-up work and tests use them). {@link WorkspaceFactory} builds every tenant's.
 */
@Singleton
public class UseCaseProducers {

  @Produces
  @Singleton
  DocumentParsers documentParsers(List<DocumentParser> parsers) {
    return new DocumentParsers(parsers);
  }

  @Produces
  @Singleton
  IndexSync indexSync(TenantWorkspaces workspaces) {
    return workspaces.operatorIndexSync();
  }

  @Produces
  @Singleton
  ManageKnowledgeBases manageKnowledgeBases(TenantWorkspaces workspaces) {
    return workspaces.operator().knowledgeBases();
  }

  @Produces
  @Singleton
  IngestDocuments ingestDocuments(TenantWorkspaces workspaces) {
    return workspaces.operator().ingest();
  }

  @Produces
  @Singleton
  @IngestExecutor
  ExecutorService ingestExecutor(AugmentConfig config) {
    return Executors.newFixedThreadPool(config.ingest().workers(), r -> {
      Thread t = new Thread(r, "augment-ingest");
      t.setDaemon(true);
      return t;
    });
  }

  void shutdown(@Disposes @IngestExecutor ExecutorService executor) {
    executor.shutdownNow();
  }

  @Produces
  @Singleton
  IngestJobs ingestJobs(TenantWorkspaces workspaces) {
    return workspaces.operator().ingestJobs();
  }

  @Produces
  @Singleton
  SummarizeKnowledgeBase summarizeKnowledgeBase(TenantWorkspaces workspaces) {
    return workspaces.operator().summarize();
  }

  @Produces
  @Singleton
  SummaryJobs summaryJobs(TenantWorkspaces workspaces) {
    return workspaces.operator().summaryJobs();
  }

  @Produces
  @Singleton
  ManageDocuments manageDocuments(TenantWorkspaces workspaces) {
    return workspaces.operator().documents();
  }

  @Produces
  @Singleton
  SearchKnowledgeBase searchKnowledgeBase(TenantWorkspaces workspaces) {
    return workspaces.operator().search();
  }

  @Produces
  @Singleton
  AnswerQuestion answerQuestion(TenantWorkspaces workspaces) {
    return workspaces.operator().answers();
  }

  @Produces
  @Singleton
  CompareAnswers compareAnswers(TenantWorkspaces workspaces) {
    return workspaces.operator().compare();
  }
}
