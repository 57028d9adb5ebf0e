package io.augment.bootstrap;

import io.augment.adapter.out.djl.DjlEngine;
import io.augment.adapter.out.extractive.CentroidSummarizer;
import io.augment.adapter.out.extractive.ExtractiveGenerator;
import io.augment.application.adaptation.FineTuneKnowledgeBase;
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
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.Summarizer;
import io.augment.domain.retrieval.LexicalIndex;
import io.augment.domain.retrieval.Reranker;
import io.augment.domain.tenant.Quotas;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
  private final Clock clock = Clock.systemUTC();

  WorkspaceFactory(AugmentConfig config, EmbeddingModels models, Generator generator, Reranker reranker,
      DocumentParsers parsers, ExecutorService ingestExecutor, ExecutorService evaluationExecutor,
      ExecutorService benchmarkExecutor, IngestMetrics metrics, LocalEngine engine) {
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

    Optional<DjlEngine> local = engine.enabled() ? Optional.of(engine.get(p.tenant())) : Optional.empty();
    Generators generators = generators(p, local);
    AdapterCatalog catalog = local.map(DjlEngine::catalog).orElse(null);
    ContenderCheck check = new ContenderCheck(kbs, catalog, generators);
    CompareAnswers compare = new CompareAnswers(answers, generators, check);
    EvaluationSets sets = new EvaluationSets(p.evaluationSets(), clock);
    EvaluationRuns runs = new EvaluationRuns(p.evaluationSets(), p.evaluationRuns(), check,
        new ContenderAnswers(answers, generators), new ContenderCosts(kbs, index, catalog), evaluationExecutor, clock,
        EvaluationRuns.DEFAULT_MAX_RUNNING);
    EvaluationReports reports = catalog != null ? new EvaluationReports(catalog) : EvaluationReports.withBaseModels(Map.of());

    Optional<FineTuner> fineTuner = local.map(DjlEngine::fineTuner);
    Optional<FineTuneKnowledgeBase> fineTune = fineTuner.map(f -> new FineTuneKnowledgeBase(kbs, docs, f));
    Optional<KnowledgeInjectionJobs> benchmarks = fineTuner.map(f -> benchmarks(f, catalog, generators, knowledgeBases,
        ingest, sets, runs));
    Workspace workspace = new Workspace(p.tenant(), knowledgeBases, ingest, ingestJobs, documents, search, answers, compare,
        generators, summarize, summaryJobs, sets, runs, reports, fineTune, fineTuner, Optional.ofNullable(catalog),
        benchmarks, quotas);
    return new Built(workspace, sync);
  }

  /**
   * The configured generator (shared: an operator-installed local model is read-only to all), the
   * offline extractive one, and with the engine on, the generator of this tenant's own trained models.
   */
  private Generators generators(TenantPorts p, Optional<DjlEngine> local) {
    Generator adapters = local.isEmpty() ? null
        : generator instanceof EngineGenerator shared && shared.tenant().equals(p.tenant()) ? shared
        : new EngineGenerator(engine, p.tenant());
    return new Generators(generator, List.of(new ExtractiveGenerator()), adapters);
  }

  private KnowledgeInjectionJobs benchmarks(FineTuner fineTuner, AdapterCatalog catalog, Generators generators,
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
