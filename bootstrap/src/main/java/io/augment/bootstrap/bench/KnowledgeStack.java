package io.augment.bootstrap.bench;

import io.augment.adapter.out.djl.DjlEngine;
import io.augment.adapter.out.djl.DjlEngineConfig;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.extractive.ExtractiveGenerator;
import io.augment.adapter.out.langchain4j.LangChain4jEmbeddingModel;
import io.augment.adapter.out.lucene.LuceneVectorIndex;
import io.augment.adapter.out.memory.InMemoryDocumentRepository;
import io.augment.adapter.out.memory.InMemoryEvaluationRunRepository;
import io.augment.adapter.out.memory.InMemoryEvaluationSetRepository;
import io.augment.adapter.out.memory.InMemoryFineTuneJobRepository;
import io.augment.adapter.out.memory.InMemoryTrainingFileRepository;
import io.augment.adapter.out.parsing.JsonlTrainingDataParser;
import io.augment.application.adaptation.FineTuning;
import io.augment.application.adaptation.KnowledgeBaseCorpus;
import io.augment.application.adaptation.TrainingFiles;
import io.augment.adapter.out.memory.InMemoryKnowledgeBaseRepository;
import io.augment.adapter.out.parsing.PlainTextParser;
import io.augment.application.augmentation.NumberedCitationAugmenter;
import io.augment.application.benchmark.KnowledgeInjection;
import io.augment.application.benchmark.ModelShape;
import io.augment.application.evaluation.ContenderAnswers;
import io.augment.application.evaluation.ContenderCheck;
import io.augment.application.evaluation.ContenderCosts;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.application.generation.Generators;
import io.augment.application.index.IndexSync;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.generation.Generator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The server's default stack wired by hand for the command line: in-memory records, a Lucene
 * index, the in-process all-MiniLM-L6-v2 embedding model, the extractive generator and a local
 * engine whose scratch model has the recipe's shape (its models persist in {@code engineDir}, so
 * a base model is reused across runs).
 */
final class KnowledgeStack implements AutoCloseable {
  private final DjlEngine engine;
  private final LuceneVectorIndex index;
  private final EvaluationRuns runs;
  private final ExecutorService executor = Executors.newFixedThreadPool(1, r -> {
    Thread t = new Thread(r, "knowledge-benchmark-evaluation");
    t.setDaemon(true);
    return t;
  });
  final KnowledgeInjection protocol;

  KnowledgeStack(Path engineDir, Path indexDir, ModelShape shape) {
    engine = new DjlEngine(engineDir, DjlEngineConfig.defaults().withScratchModel(
        GptConfig.of(shape.vocabSize(), shape.contextLength(), shape.width(), shape.layers(), shape.heads())));
    index = new LuceneVectorIndex(indexDir);
    LangChain4jEmbeddingModel model = LangChain4jEmbeddingModel.allMiniLmL6V2();
    InMemoryDocumentRepository docs = new InMemoryDocumentRepository();
    InMemoryKnowledgeBaseRepository kbs = new InMemoryKnowledgeBaseRepository(docs);
    EmbeddingModels models = new EmbeddingModels(List.of(model), model.spec().modelId());
    IndexSync sync = new IndexSync(kbs, docs, index, models);
    Clock clock = Clock.systemUTC();
    ManageKnowledgeBases manage = new ManageKnowledgeBases(kbs, docs, index, models, sync, clock);
    IngestDocuments ingest = new IngestDocuments(kbs, docs, index, models,
        new DocumentParsers(List.of(new PlainTextParser())), sync, clock, 32, Long.MAX_VALUE);
    Generator extractive = new ExtractiveGenerator();
    Generators generators = new Generators(extractive, List.of(), engine.generator());
    AnswerQuestion answers = new AnswerQuestion(new SearchKnowledgeBase(kbs, index, models),
        new NumberedCitationAugmenter(TokenCounter.APPROXIMATE), extractive, 3000);
    InMemoryEvaluationSetRepository setRepo = new InMemoryEvaluationSetRepository();
    runs = new EvaluationRuns(setRepo, new InMemoryEvaluationRunRepository(),
        new ContenderCheck(kbs, engine.catalog(), generators), new ContenderAnswers(answers, generators),
        new ContenderCosts(kbs, index, engine.catalog()), executor, clock, 1);
    FineTuning fineTuning = new FineTuning(engine.fineTuner(), new InMemoryFineTuneJobRepository(),
        new TrainingFiles(new InMemoryTrainingFileRepository(), new JsonlTrainingDataParser(), clock, 1 << 20),
        new KnowledgeBaseCorpus(kbs, docs), clock, FineTuning.Settings.DEFAULT);
    protocol = new KnowledgeInjection(fineTuning, engine.catalog(), generators, manage, ingest,
        new EvaluationSets(setRepo, clock), runs);
  }

  io.augment.domain.adaptation.AdapterCatalog catalog() {
    return engine.catalog();
  }

  /** The per-question results of an evaluation run. */
  List<io.augment.domain.evaluation.QuestionResult> results(String runId) {
    return runs.results(runId);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    index.close();
    engine.close();
  }
}
