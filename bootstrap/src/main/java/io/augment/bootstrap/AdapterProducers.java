package io.augment.bootstrap;

import io.augment.adapter.out.extractive.ExtractiveGenerator;
import io.augment.adapter.out.langchain4j.EmbeddingReranker;
import io.augment.adapter.out.langchain4j.LangChain4jEmbeddingModel;
import io.augment.adapter.out.lucene.LuceneVectorIndex;
import io.augment.adapter.out.memory.InMemoryDocumentRepository;
import io.augment.adapter.out.memory.InMemoryKnowledgeBaseRepository;
import io.augment.adapter.out.memory.InMemoryVectorIndex;
import io.augment.adapter.out.parsing.HtmlParser;
import io.augment.adapter.out.parsing.MarkdownParser;
import io.augment.adapter.out.parsing.PdfParser;
import io.augment.adapter.out.parsing.PlainTextParser;
import io.augment.adapter.out.persistence.HibernateDocumentRepository;
import io.augment.adapter.out.persistence.HibernateKnowledgeBaseRepository;
import io.augment.adapter.out.qdrant.QdrantEndpoint;
import io.augment.adapter.out.qdrant.QdrantVectorIndex;
import io.augment.domain.generation.Generator;
import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.Reranker;
import io.augment.domain.retrieval.VectorIndex;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;

/** Picks each outbound adapter from {@link AugmentConfig}. */
@Singleton
public class AdapterProducers {
  private static final Logger LOG = Logger.getLogger(AdapterProducers.class);

  @Produces
  @Singleton
  VectorIndex vectorIndex(AugmentConfig config) {
    return switch (config.vectorStore()) {
      case LUCENE -> new LuceneVectorIndex(config.dataDir().resolve("index"));
      case MEMORY -> new InMemoryVectorIndex();
      case QDRANT -> qdrant(config.qdrant());
    };
  }

  private static VectorIndex qdrant(AugmentConfig.Qdrant config) {
    QdrantEndpoint endpoint = QdrantEndpoint.parse(config.url());
    return new QdrantVectorIndex(endpoint.host(), endpoint.port(), config.apiKey().orElse(null), endpoint.useTls(),
        config.timeout(), config.retries(), config.collectionPrefix());
  }

  void closeVectorIndex(@Disposes VectorIndex index) throws IOException {
    if (index instanceof Closeable closeable) {
      closeable.close();
    }
  }

  @Produces
  @Singleton
  KnowledgeBaseRepository knowledgeBases(
      AugmentConfig config, Instance<HibernateKnowledgeBaseRepository> jpa, DocumentRepository documents) {
    return switch (config.metadataStore()) {
      case JPA -> jpa.get();
      case MEMORY -> new InMemoryKnowledgeBaseRepository((InMemoryDocumentRepository) documents);
    };
  }

  @Produces
  @Singleton
  DocumentRepository documents(AugmentConfig config, Instance<HibernateDocumentRepository> jpa) {
    return switch (config.metadataStore()) {
      case JPA -> jpa.get();
      case MEMORY -> new InMemoryDocumentRepository();
    };
  }

  /** Application-scoped, so the model loads on first use (the warm-up thread), not during start-up. */
  @Produces
  @ApplicationScoped
  EmbeddingModel embeddingModel(AugmentConfig config) {
    String provider = config.embedding().provider();
    if (!"in-process".equals(provider)) {
      throw new IllegalStateException("augment.embedding.provider=" + provider + " is not supported; use in-process");
    }
    long start = System.nanoTime();
    EmbeddingModel model = LangChain4jEmbeddingModel.allMiniLmL6V2();
    LOG.infof("embedding model %s loaded in %d ms", model.spec().modelId(), (System.nanoTime() - start) / 1_000_000);
    return model;
  }

  /** The offline reranker (bge-small-en-v1.5 bi-encoder); loaded on the first reranked query. */
  @Produces
  @ApplicationScoped
  Reranker reranker() {
    return EmbeddingReranker.bgeSmallEnV15();
  }

  @Produces
  @Singleton
  Generator generator(AugmentConfig config) {
    String provider = config.generation().provider();
    if (!"extractive".equals(provider)) {
      throw new IllegalStateException("augment.generation.provider=" + provider + " is not supported; use extractive");
    }
    return new ExtractiveGenerator();
  }

  @Produces
  @Singleton
  List<DocumentParser> parsers() {
    return List.of(new PlainTextParser(), new MarkdownParser(), new HtmlParser(), new PdfParser());
  }
}
