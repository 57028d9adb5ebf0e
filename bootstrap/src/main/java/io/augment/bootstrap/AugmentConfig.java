package io.augment.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Augment's own settings ({@code augment.*}). Backends are chosen here, never in code. */
@ConfigMapping(prefix = "augment")
public interface AugmentConfig {

  /** Directory holding the H2 database, the Lucene index and native caches. */
  @WithDefault("./data")
  Path dataDir();

  /**
   * Where chunk vectors live: {@code lucene} (on disk under data-dir, with BM25), {@code memory}
   * (lost on restart, with BM25) or {@code qdrant} (a Qdrant server, dense retrieval only).
   */
  @WithDefault("lucene")
  VectorStore vectorStore();

  /** Where knowledge-base and document records live: {@code jpa} (Hibernate ORM on the configured datasource) or {@code memory}. */
  @WithDefault("jpa")
  MetadataStore metadataStore();

  Embedding embedding();

  Generation generation();

  Ingest ingest();

  Retrieval retrieval();

  Limits limits();

  Qdrant qdrant();

  enum VectorStore { LUCENE, MEMORY, QDRANT }

  enum MetadataStore { JPA, MEMORY }

  interface Qdrant {
    /** gRPC endpoint of the Qdrant server (port 6334, not the REST port). */
    @WithDefault("http://localhost:6334")
    String url();

    /** API key, when the server requires one. */
    java.util.Optional<String> apiKey();

    /** Time limit of one call attempt. */
    @WithDefault("10s")
    java.time.Duration timeout();

    /** Attempts after the first for failed calls. */
    @WithDefault("3")
    int retries();

    /** Prefix of the collection names (one collection per knowledge base). */
    @WithDefault("augment_")
    String collectionPrefix();
  }

  interface Embedding {
    /** Embedding provider: {@code in-process} runs all-MiniLM-L6-v2 inside the JVM (ONNX, shipped in a jar). */
    @WithDefault("in-process")
    String provider();

    /** Chunks embedded per call; larger batches use the cores better. */
    @WithDefault("32")
    int batchSize();
  }

  interface Generation {
    /** Generator: {@code extractive} answers offline with cited sentences from the sources. */
    @WithDefault("extractive")
    String provider();

    /** Most tokens of system prompt, sources and question sent to the generator. */
    @WithDefault("3000")
    int promptTokenBudget();
  }

  interface Ingest {
    /** Background ingest jobs run at once. */
    @WithDefault("1")
    int workers();

    /** Finished ingest jobs kept readable over the API. */
    @WithDefault("100")
    int retainedJobs();
  }

  interface Retrieval {
    /** Weight of the dense list in reciprocal rank fusion. */
    @WithDefault("1.0")
    double denseWeight();

    /** Weight of the BM25 list in reciprocal rank fusion. */
    @WithDefault("1.0")
    double bm25Weight();

    /** The k of reciprocal rank fusion: larger flattens the advantage of top ranks. */
    @WithDefault("60")
    int rrfK();
  }

  interface Limits {
    /** Largest request body (REST) or upload (gRPC) accepted, in bytes. */
    @WithDefault("20000000")
    long maxRequestBytes();

    /** Largest single document accepted, in bytes. */
    @WithDefault("10000000")
    long maxDocumentBytes();
  }
}
