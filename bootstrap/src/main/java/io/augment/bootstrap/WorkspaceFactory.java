package io.augment.bootstrap;

import io.augment.adapter.out.extractive.CentroidSummarizer;
import io.augment.adapter.out.extractive.ExtractiveGenerator;
import io.augment.application.adaptation.FineTuning;
import io.augment.application.adaptation.KnowledgeBaseCorpus;
import io.augment.application.adaptation.ManageModels;
import io.augment.application.adaptation.TrainingFiles;
import io.augment.application.augmentation.NumberedCitationAugmenter;
import io.augment.application.benchmark.KnowledgeInjection;
import io.augment.application.benchmark.KnowledgeInjectionJobs;
import io.augment.application.benchmark.KnowledgeInjectionResult;
import io.augment.application.benchmark.ModelShape;
import io.augment.application.evaluation.ContenderAnswers;
import io.augment.application.evaluation.ContenderCheck;
import io.augment.application.evaluation.ContenderCosts;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.application.generation.Generators;
import io.augment.application.index.IndexSync;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.ingest.IngestJobs;
import io.augment.application.ingest.ManageDocuments;
import io.augment.application.job.BackgroundJobs;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.CompareAnswers;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.application.retrieval.FusionWeights;
import io.augment.application.retrieval.QueryExpander;
import io.augment.application.summary.GeneratorSummarizer;
import io.augment.application.summary.SummarizeKnowledgeBase;
import io.augment.application.summary.SummaryJobs;
import io.augment.application.tenant.Workspace;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.TrainingDataParser;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.Summarizer;
import io.augment.domain.retrieval.LexicalIndex;
import io.augment.domain.retrieval.Reranker;
import io.augment.domain.tenant.Quotas;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Builds one tenant's use cases over its {@link TenantPorts}: the only place they are constructed,
 * for the operator's tenant and every other alike. Shared, stateless parts (embedding models, the
 * configured generator, reranker, parsers, executors) are the same objects for all tenants.
 */
final class WorkspaceFactory {
  private final AugmentConfig config;
  private final EmbeddingModels models;
  private final Generator generator;
  private final Reranker reranker;
  private final DocumentParsers parsers;
  private final ExecutorService ingestExecutor;
  private final ExecutorService evaluationExecutor;
  private final ExecutorService benchmarkExecutor;
  private final IngestMetrics metrics;
  private final LocalEngine engine;
  private final Trainers trainers;
  private final TrainingDataParser trainingData;
  private final Clock clock = Clock.systemUTC();

  WorkspaceFactory(AugmentConfig config, EmbeddingModels models, Generator generator, Reranker reranker,
      DocumentParsers parsers, ExecutorService ingestExecutor, ExecutorService evaluationExecutor,
      ExecutorService benchmarkExecutor, IngestMetrics metrics, LocalEngine engine, Trainers trainers,
      TrainingDataParser trainingData) {
    this.config = config;
    this.models = models;
    this.generator = generator;
    this.reranker = reranker;
    this.parsers = parsers;
    this.ingestExecutor = ingestExecutor;
    this.evaluationExecutor = evaluationExecutor;
    this.benchmarkExecutor = benchmarkExecutor;
    this.metrics = metrics;
    this.engine = engine;
    this.trainers = trainers;
    this.trainingData = trainingData;
  }

  /** A tenant's workspace and the index synchroniser its start-up recovery and checkpoints need. */
  record Built(Workspace workspace, IndexSync indexSync) {}

  Built build(TenantPorts p, Supplier<Quotas> quotas) {
    var kbs = p.knowledgeBases();
    var docs = p.documents();
    var index = p.index();
    IndexSync sync = new IndexSync(kbs, docs, index, models);
    ManageKnowledgeBases knowledgeBases = new ManageKnowledgeBases(kbs, docs, index, models, sync, clock);
    IngestDocuments ingest = new IngestDocuments(kbs, docs, index, models, parsers, sync, clock,
        config.embedding().batchSize(), config.limits().maxDocumentBytes(), metrics);
    IngestJobs ingestJobs = new IngestJobs(ingest, ingestExecutor, clock, config.ingest().retainedJobs());
    Summarizer summarizer = generator.generative() ? new GeneratorSummarizer(generator) : new CentroidSummarizer();
    SummarizeKnowledgeBase summarize = new SummarizeKnowledgeBase(kbs, docs, summarizer);
    SummaryJobs summaryJobs = new SummaryJobs(summarize, ingestExecutor, clock, config.ingest().retainedJobs());
    ManageDocuments documents = new ManageDocuments(kbs, docs, index, sync);
    AugmentConfig.Retrieval r = config.retrieval();
    SearchKnowledgeBase search = new SearchKnowledgeBase(kbs, index, index instanceof LexicalIndex l ? l : null, models,
        new QueryExpander(generator), reranker, new FusionWeights(r.denseWeight(), r.bm25Weight(), r.rrfK()));
    AnswerQuestion answers = new AnswerQuestion(search, new NumberedCitationAugmenter(TokenCounter.APPROXIMATE),
        generator, config.generation().promptTokenBudget());

    Trainers.Trainer trainer = trainers.of(p.tenant());
    Generators generators = new Generators(generator, List.of(new ExtractiveGenerator()), trainer.generator());
    AdapterCatalog catalog = trainer.catalog();
    ContenderCheck check = new ContenderCheck(kbs, catalog, generators);
    CompareAnswers compare = new CompareAnswers(answers, generators, check);
    EvaluationSets sets = new EvaluationSets(p.evaluationSets(), clock);
    EvaluationRuns runs = new EvaluationRuns(p.evaluationSets(), p.evaluationRuns(), check,
        new ContenderAnswers(answers, generators), new ContenderCosts(kbs, index, catalog), evaluationExecutor, clock,
        EvaluationRuns.DEFAULT_MAX_RUNNING);
    EvaluationReports reports = new EvaluationReports(catalog);

    AugmentConfig.FineTuning ft = config.fineTuning();
    TrainingFiles files = new TrainingFiles(p.trainingFiles(), trainingData, clock, ft.maxFileBytes());
    FineTuning fineTuning = new FineTuning(trainer.fineTuner(), p.fineTuneJobs(), files, new KnowledgeBaseCorpus(kbs, docs),
        clock, new FineTuning.Settings(ft.retainedJobs(), ft.metricsEvery(), ft.maxResumes()));
    Optional<KnowledgeInjectionJobs> benchmarks = trainer.local()
        ? Optional.of(benchmarks(fineTuning, catalog, generators, knowledgeBases, ingest, sets, runs)) : Optional.empty();
    Workspace workspace = new Workspace(p.tenant(), knowledgeBases, ingest, ingestJobs, documents, search, answers, compare,
        generators, summarize, summaryJobs, sets, runs, reports, fineTuning, files, new ManageModels(catalog, importDir()), benchmarks,
        quotas);
    return new Built(workspace, sync);
  }

  /** Shared by every tenant; importing is off (501) until the folder exists. */
  private java.nio.file.Path importDir() {
    return config.fineTuning().importDir().orElse(config.dataDir().resolve("imports"));
  }

  private KnowledgeInjectionJobs benchmarks(FineTuning fineTuner, AdapterCatalog catalog, Generators generators,
      ManageKnowledgeBases knowledgeBases, IngestDocuments ingest, EvaluationSets sets, EvaluationRuns runs) {
    AugmentConfig.Engine.Scratch s = config.engine().scratch();
    KnowledgeInjection protocol = new KnowledgeInjection(fineTuner, catalog, generators, knowledgeBases, ingest, sets, runs);
    return new KnowledgeInjectionJobs(protocol,
        new BackgroundJobs<KnowledgeInjectionResult>("knowledge-injection benchmark", "per-mille", benchmarkExecutor,
            clock, 20),
        runs, new EvaluationReports(catalog),
        new ModelShape(s.vocabSize(), s.contextLength(), s.width(), s.layers(), s.heads()));
  }
}
