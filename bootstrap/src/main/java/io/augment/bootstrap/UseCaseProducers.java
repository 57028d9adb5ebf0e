package io.augment.bootstrap;

import io.augment.application.augmentation.NumberedCitationAugmenter;
import io.augment.application.index.IndexSync;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.ingest.IngestJobs;
import io.augment.application.ingest.ManageDocuments;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.generation.Generators;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.CompareAnswers;
import io.augment.application.evaluation.ContenderCheck;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.adapter.out.extractive.CentroidSummarizer;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.application.summary.GeneratorSummarizer;
import io.augment.application.summary.SummarizeKnowledgeBase;
import io.augment.application.summary.SummaryJobs;
import io.augment.domain.generation.Summarizer;
import io.augment.application.retrieval.FusionWeights;
import io.augment.application.retrieval.QueryExpander;
import io.augment.domain.retrieval.LexicalIndex;
import io.augment.domain.retrieval.Reranker;
import io.augment.domain.generation.Generator;
import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.VectorIndex;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds the framework-free use cases by hand from the chosen adapters. */
@Singleton
public class UseCaseProducers {

  @Produces
  @Singleton
  DocumentParsers documentParsers(List<DocumentParser> parsers) {
    return new DocumentParsers(parsers);
  }

  @Produces
  @Singleton
  IndexSync indexSync(KnowledgeBaseRepository kbs, DocumentRepository docs, VectorIndex index, EmbeddingModels models) {
    return new IndexSync(kbs, docs, index, models);
  }

  @Produces
  @Singleton
  ManageKnowledgeBases manageKnowledgeBases(
      KnowledgeBaseRepository kbs, DocumentRepository docs, VectorIndex index, EmbeddingModels models, IndexSync sync) {
    return new ManageKnowledgeBases(kbs, docs, index, models, sync, Clock.systemUTC());
  }

  @Produces
  @Singleton
  IngestDocuments ingestDocuments(
      KnowledgeBaseRepository kbs, DocumentRepository docs, VectorIndex index, EmbeddingModels models,
      DocumentParsers parsers, IndexSync sync, AugmentConfig config, IngestMetrics metrics) {
    return new IngestDocuments(kbs, docs, index, models, parsers, sync, Clock.systemUTC(),
        config.embedding().batchSize(), config.limits().maxDocumentBytes(), metrics);
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
  IngestJobs ingestJobs(IngestDocuments ingest, @IngestExecutor ExecutorService executor, AugmentConfig config) {
    return new IngestJobs(ingest, executor, Clock.systemUTC(), config.ingest().retainedJobs());
  }

  @Produces
  @Singleton
  SummarizeKnowledgeBase summarizeKnowledgeBase(KnowledgeBaseRepository kbs, DocumentRepository docs, Generator generator) {
    Summarizer summarizer = generator.generative() ? new GeneratorSummarizer(generator) : new CentroidSummarizer();
    return new SummarizeKnowledgeBase(kbs, docs, summarizer);
  }

  @Produces
  @Singleton
  SummaryJobs summaryJobs(SummarizeKnowledgeBase summarize, @IngestExecutor ExecutorService executor, AugmentConfig config) {
    return new SummaryJobs(summarize, executor, Clock.systemUTC(), config.ingest().retainedJobs());
  }

  @Produces
  @Singleton
  ManageDocuments manageDocuments(KnowledgeBaseRepository kbs, DocumentRepository docs, VectorIndex index, IndexSync sync) {
    return new ManageDocuments(kbs, docs, index, sync);
  }

  @Produces
  @Singleton
  SearchKnowledgeBase searchKnowledgeBase(
      KnowledgeBaseRepository kbs, VectorIndex index, EmbeddingModels models, Generator generator, Reranker reranker,
      AugmentConfig config) {
    LexicalIndex lexical = index instanceof LexicalIndex l ? l : null;
    AugmentConfig.Retrieval r = config.retrieval();
    return new SearchKnowledgeBase(kbs, index, lexical, models, new QueryExpander(generator), reranker,
        new FusionWeights(r.denseWeight(), r.bm25Weight(), r.rrfK()));
  }

  @Produces
  @Singleton
  AnswerQuestion answerQuestion(SearchKnowledgeBase search, Generator generator, AugmentConfig config) {
    return new AnswerQuestion(search, new NumberedCitationAugmenter(io.augment.domain.augmentation.TokenCounter.APPROXIMATE),
        generator, config.generation().promptTokenBudget());
  }

  @Produces
  @Singleton
  CompareAnswers compareAnswers(AnswerQuestion answers, Generators generators, ContenderCheck check) {
    return new CompareAnswers(answers, generators, check);
  }
}
