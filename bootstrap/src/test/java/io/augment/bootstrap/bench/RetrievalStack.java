package io.augment.bootstrap.bench;

import io.augment.adapter.out.extractive.ExtractiveGenerator;
import io.augment.adapter.out.lucene.LuceneVectorIndex;
import io.augment.adapter.out.memory.InMemoryDocumentRepository;
import io.augment.adapter.out.memory.InMemoryKnowledgeBaseRepository;
import io.augment.adapter.out.parsing.PlainTextParser;
import io.augment.application.index.IndexSync;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestCommand;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.application.retrieval.FusionWeights;
import io.augment.application.retrieval.QueryExpander;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.Reranker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The retrieval use cases wired by hand over Lucene (HNSW + BM25), in-memory repositories, one
 * embedding model and the extractive generator (so query expansion is the offline keyword rewrite
 * and HyDE is skipped).
 */
final class RetrievalStack implements AutoCloseable {
  private static final int BATCH = 32;

  private final EmbeddingModel model;
  private final LuceneVectorIndex index;
  private final InMemoryKnowledgeBaseRepository kbRepo;
  private final EmbeddingModels models;
  private final ManageKnowledgeBases kbs;
  private final IngestDocuments ingest;

  RetrievalStack(EmbeddingModel model, Path work) {
    this.model = model;
    this.index = new LuceneVectorIndex(work);
    InMemoryDocumentRepository docRepo = new InMemoryDocumentRepository();
    this.kbRepo = new InMemoryKnowledgeBaseRepository(docRepo);
    this.models = new EmbeddingModels(List.of(model), model.spec().modelId());
    IndexSync sync = new IndexSync(kbRepo, docRepo, index, models);
    this.kbs = new ManageKnowledgeBases(kbRepo, docRepo, index, models, sync, Clock.systemUTC());
    this.ingest = new IngestDocuments(kbRepo, docRepo, index, models, new DocumentParsers(List.of(new PlainTextParser())),
        sync, Clock.systemUTC(), BATCH, Long.MAX_VALUE);
  }

  /** Creates a knowledge base named after the dataset and ingests its non-empty documents; returns the chunk count. */
  long ingest(Beir data) {
    kbs.create(new CreateKnowledgeBaseCommand(data.name(), "", null, null));
    List<IngestCommand> commands = data.corpus().stream()
        .filter(d -> !d.text().isBlank())
        .map(d -> IngestCommand.text(BeirIds.toDocumentId(d.id()), d.title(), d.text(), Map.of()))
        .toList();
    ingest.ingestAll(data.name(), commands, p -> {}, () -> false);
    return index.count(data.name());
  }

  /** {@code reranker} may be null. */
  SearchKnowledgeBase search(FusionWeights weights, Reranker reranker) {
    return new SearchKnowledgeBase(kbRepo, index, index, models, new QueryExpander(new ExtractiveGenerator()), reranker,
        weights);
  }

  EmbeddingModel model() {
    return model;
  }

  LuceneVectorIndex index() {
    return index;
  }

  @Override
  public void close() {
    index.close();
  }
}
