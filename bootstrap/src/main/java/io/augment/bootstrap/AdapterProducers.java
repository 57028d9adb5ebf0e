package io.augment.bootstrap;

import io.augment.adapter.in.openai.SelfCallGuard;
import io.augment.adapter.out.extractive.ExtractiveGenerator;
import io.augment.adapter.out.langchain4j.EmbeddingReranker;
import io.augment.adapter.out.langchain4j.LazyEmbeddingModel;
import io.augment.adapter.out.llm.OllamaGenerator;
import io.augment.adapter.out.llm.OpenAiCompatibleEmbeddingModel;
import io.augment.adapter.out.llm.OpenAiCompatibleGenerator;
import io.augment.adapter.out.llm.ProviderConfig;
import io.augment.adapter.out.llm.Resilience;
import io.augment.application.generation.Generators;
import io.augment.application.retrieval.EmbeddingModels;
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
    LOG.infof("vector store: %s; metadata store: %s", config.vectorStore().name().toLowerCase(),
        config.metadataStore().name().toLowerCase());
    return switch (config.vectorStore()) {
      case LUCENE -> AdapterProducers.lucene(config.dataDir().resolve("index"));
      case MEMORY -> new InMemoryVectorIndex();
      case QDRANT -> qdrant(config.qdrant(), config.qdrant().collectionPrefix());
    };
  }

  /**
   * Lucene without its own background commit: the workspace's {@code IndexSync} commits it at every
   * checkpoint ({@code augment.ingest.index-checkpoint-interval}), and a second commit thread on the
   * same interval only doubled the flushes, fsyncs and small segments (measured: 2 % of the ingest CPU).
   */
  static LuceneVectorIndex lucene(java.nio.file.Path root) {
    return new LuceneVectorIndex(root, java.time.Duration.ZERO, io.augment.adapter.out.lucene.HnswSettings.DEFAULT);
  }

  static VectorIndex qdrant(AugmentConfig.Qdrant config, String collectionPrefix) {
    QdrantEndpoint endpoint = QdrantEndpoint.parse(config.url());
    return new QdrantVectorIndex(endpoint.host(), endpoint.port(), config.apiKey().orElse(null), endpoint.useTls(),
        config.timeout(), config.retries(), collectionPrefix);
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

  /**
   * The default model for new knowledge bases, plus the in-process all-MiniLM-L6-v2 (loaded on first
   * use) so knowledge bases built with it keep working after a switch to a remote provider.
   */
  @Produces
  @Singleton
  EmbeddingModels embeddingModels(AugmentConfig config, SelfCallGuard selfCalls) {
    EmbeddingModel inProcess = LazyEmbeddingModel.allMiniLmL6V2();
    String provider = config.embedding().provider();
    EmbeddingModel chosen = switch (provider) {
      case "in-process" -> inProcess;
      case "openai" -> remoteEmbedding(config.embedding().openai(), selfCalls);
      default -> throw new IllegalStateException(
          "augment.embedding.provider=" + provider + " is not supported; use in-process or openai");
    };
    LOG.infof("embedding model for new knowledge bases: %s (%d dimensions)", chosen.spec().modelId(),
        chosen.spec().dimension());
    return new EmbeddingModels(chosen == inProcess ? List.of(inProcess) : List.of(chosen, inProcess),
        chosen.spec().modelId());
  }

  @Produces
  @Singleton
  EmbeddingModel embeddingModel(EmbeddingModels models) {
    return models.defaultModel();
  }

  private static EmbeddingModel remoteEmbedding(AugmentConfig.RemoteEmbedding c, SelfCallGuard selfCalls) {
    String prefix = "augment.embedding.openai.";
    int dimension = c.dimension().orElseThrow(() -> new IllegalStateException(
        prefix + "dimension must be set when augment.embedding.provider=openai (e.g. 1536 for text-embedding-3-small)"));
    return new OpenAiCompatibleEmbeddingModel(provider(prefix, c, null).withHeaders(tag(selfCalls)), dimension,
        c.maxInputTokens());
  }

  /** The offline reranker (bge-small-en-v1.5 bi-encoder); loaded on the first reranked query. */
  @Produces
  @ApplicationScoped
  Reranker reranker() {
    return EmbeddingReranker.bgeSmallEnV15();
  }

  /** The generator for answers, chosen by {@code augment.generation.provider}. */
  @Produces
  @Singleton
  Generator generator(AugmentConfig config, SelfCallGuard selfCalls, LocalEngine engine) {
    AugmentConfig.Generation g = config.generation();
    Generator generator = switch (g.provider()) {
      case "local" -> {
        if (!engine.enabled() || g.localModel().isEmpty()) {
          throw new IllegalStateException("augment.generation.provider=local needs augment.engine.enabled=true and "
              + "augment.generation.local-model (a model trained or imported into the local engine)");
        }
        yield new EngineGenerator(engine);
      }
      case "extractive" -> new ExtractiveGenerator();
      case "openai" -> new OpenAiCompatibleGenerator(
          provider("augment.generation.openai.", g.openai(), null).withHeaders(tag(selfCalls)));
      case "ollama" -> new OllamaGenerator(provider("augment.generation.ollama.", g.ollama(), "http://localhost:11434"));
      default -> throw new IllegalStateException(
          "augment.generation.provider=" + g.provider() + " is not supported; use extractive, openai, ollama or local");
    };
    LOG.infof("generator: %s", generator.id());
    return generator;
  }

  /** The operator's tenant's generators ({@link WorkspaceFactory} builds every tenant's). */
  @Produces
  @Singleton
  Generators generators(TenantWorkspaces workspaces) {
    return workspaces.operator().generators();
  }

  /** Lets this instance's /v1 recognise, and refuse, a request that would call this instance again. */
  private static java.util.Map<String, String> tag(SelfCallGuard selfCalls) {
    return java.util.Map.of(SelfCallGuard.HEADER, selfCalls.instanceId());
  }

  private static ProviderConfig provider(String prefix, AugmentConfig.Remote c, String defaultUrl) {
    String url = c.baseUrl().or(() -> java.util.Optional.ofNullable(defaultUrl)).orElseThrow(
        () -> new IllegalStateException(prefix + "base-url must be set for this provider"));
    String model = c.model().orElseThrow(() -> new IllegalStateException(prefix + "model must be set for this provider"));
    Resilience resilience = Resilience.of(c.timeout(), c.maxRetries())
        .withBackoff(c.backoffInitial(), c.backoffMax())
        .withCircuitBreaker(c.circuitBreaker().window(), c.circuitBreaker().failureRatio(), c.circuitBreaker().openFor());
    try {
      return new ProviderConfig(url, c.apiKey().orElse(null), model, resilience);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(prefix + "*: " + e.getMessage(), e);
    }
  }

  @Produces
  @Singleton
  List<DocumentParser> parsers() {
    return List.of(new PlainTextParser(), new MarkdownParser(), new HtmlParser(), new PdfParser());
  }
}
