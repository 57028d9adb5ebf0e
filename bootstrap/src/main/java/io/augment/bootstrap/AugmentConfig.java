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

  Engine engine();

  FineTuning fineTuning();

  Auth auth();

  /** Who trains fine-tuning jobs, and how long their records are kept (docs/fine-tuning.md). */
  interface FineTuning {
    /**
     * {@code local}: the local engine (needs {@code augment.engine.enabled=true}); {@code openai}: a
     * remote server speaking OpenAI's fine-tuning API (OpenAI, or another Augment); {@code none}:
     * fine-tuning answers 501 / UNIMPLEMENTED.
     */
    @WithDefault("local")
    Provider provider();

    /** Finished jobs kept per tenant; older ones are deleted with their events. */
    @WithDefault("100")
    int retainedJobs();

    /** Least time between two stored metrics events of one job. */
    @WithDefault("1s")
    java.time.Duration metricsEvery();

    /** Times a job is resumed after the server stopped under it before it is failed. */
    @WithDefault("3")
    int maxResumes();

    /** Largest training file accepted by {@code POST /v1/files}. */
    @WithDefault("67108864")
    long maxFileBytes();

    /** Steps between two checkpoints of a local run; 0 saves about every tenth of the run. */
    @WithDefault("0")
    int checkpointEverySteps();

    /** Checkpoints kept per local job (the newest). */
    @WithDefault("2")
    int keepCheckpoints();

    /** Times a local job's worker is restarted from its last checkpoint after it died, before the job fails. */
    @WithDefault("2")
    int maxWorkerRestarts();

    /**
     * The folder models are imported from ({@code POST /api/v1/models/import}, gRPC {@code ImportModel}):
     * a request names a folder relative to it and cannot leave it ({@code ..}, outside absolute paths
     * and links out are refused). Unset: {@code <data-dir>/imports}. Importing answers 501 while the
     * folder does not exist, so it is off until the operator creates it. Every tenant may import what
     * is in it.
     */
    java.util.Optional<Path> importDir();

    Remote openai();

    enum Provider { LOCAL, OPENAI, NONE }

    /** The remote trainer ({@code provider=openai}). */
    interface Remote {
      /** Base URL of the OpenAI-compatible API, e.g. {@code https://api.openai.com/v1}. */
      @WithDefault("https://api.openai.com/v1")
      String baseUrl();

      java.util.Optional<String> apiKey();

      /** The base model a job without one starts from. */
      java.util.Optional<String> baseModel();

      @WithDefault("30s")
      java.time.Duration timeout();

      /** Time between two polls of a remote job. */
      @WithDefault("2s")
      java.time.Duration pollInterval();

      /** Attempts after the first for a failed call. */
      @WithDefault("3")
      int retries();
    }
  }

  /** API keys, tenants and what stays open without a key (README "Teams and keys"). */
  interface Auth {
    /**
     * On: every API call needs a key, and each tenant sees only its own resources. Off: one implicit
     * tenant, no key; allowed only while the server listens on loopback (see {@link #allowUnauthenticatedNetwork}).
     */
    @WithDefault("false")
    boolean enabled();

    /** Lets the server start with authentication off on a non-loopback address; logged loudly at every start. */
    @WithDefault("false")
    boolean allowUnauthenticatedNetwork();

    /** The first admin key of the operator's tenant (e.g. {@code AUGMENT_AUTH_ADMIN_KEY}), installed once. */
    java.util.Optional<String> adminKey();

    /** Where a generated first admin key is written, owner-readable only; default {@code <data-dir>/admin-key}. */
    java.util.Optional<Path> adminKeyFile();

    /** Whether {@code /q/metrics} needs a key when authentication is on. */
    @WithDefault("open")
    Exposure metrics();

    /** Whether {@code /q/openapi} and {@code /q/swagger-ui} need a key when authentication is on. */
    @WithDefault("open")
    Exposure openapi();

    enum Exposure { OPEN, AUTHENTICATED }
  }

  /** The local model engine (DJL + PyTorch, CPU): fine-tuning API, adapter:<name> models, provider local. */
  interface Engine {
    /** Off: no fine-tuning API (501) and no adapter models; PyTorch is never loaded. */
    @WithDefault("true")
    boolean enabled();

    /** Models, adapters and job folders; default {@code <data-dir>/engine}. */
    java.util.Optional<Path> dir();

    /** Size of models pretrained from scratch (base model {@code scratch}). */
    Scratch scratch();

    /** Heap of each training worker process; PyTorch's memory is outside it. */
    @WithDefault("2048")
    int workerHeapMb();

    /** Fine-tuning jobs that may wait behind the running one; more are refused (REST 429, gRPC RESOURCE_EXHAUSTED). */
    @WithDefault("8")
    int maxQueuedJobs();

    interface Scratch {
      /** BPE vocabulary learnt from the training texts. */
      @WithDefault("4096")
      int vocabSize();

      /** Longest context in tokens. */
      @WithDefault("256")
      int contextLength();

      @WithDefault("256")
      int width();

      @WithDefault("4")
      int layers();

      @WithDefault("4")
      int heads();
    }
  }

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
    /**
     * Default embedding model for new knowledge bases: {@code in-process} (all-MiniLM-L6-v2 inside
     * the JVM, ONNX shipped in a jar) or {@code openai} (any OpenAI-compatible /embeddings server,
     * see {@link #openai()}). The in-process model stays available for knowledge bases built with it.
     */
    @WithDefault("in-process")
    String provider();

    /** The server for {@code provider=openai}. */
    RemoteEmbedding openai();

    /** Chunks embedded per call; larger batches use the cores better. */
    @WithDefault("32")
    int batchSize();
  }

  interface Generation {
    /**
     * Generator for answers: {@code extractive} (offline, cited sentences from the sources),
     * {@code openai} (any OpenAI-compatible /chat/completions server), {@code ollama} (Ollama's
     * native API) or {@code local} (a model of the local engine, see {@code local-model}). The extractive generator stays available as model {@code extractive} on /v1.
     */
    @WithDefault("extractive")
    String provider();

    /** The server for {@code provider=openai}. */
    Remote openai();

    /** The server for {@code provider=ollama}. */
    Remote ollama();

    /** For {@code provider=local}: the local engine's model answers are written by. */
    java.util.Optional<String> localModel();

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

    /**
     * How often the vector index is committed to disk. Acknowledged writes are durable in the
     * database at once either way; after a crash, the index writes of the last interval are
     * re-derived from the database at start-up.
     */
    @WithDefault("1s")
    java.time.Duration indexCheckpointInterval();
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

  /** A model server; base-url and model are required when its provider is chosen. */
  interface Remote {
    /** API root, e.g. {@code https://api.openai.com/v1}; Ollama's native API: {@code http://localhost:11434}. */
    java.util.Optional<String> baseUrl();

    /** Sent as a bearer token; leave unset for local servers. */
    java.util.Optional<String> apiKey();

    /** The model's name on that server. */
    java.util.Optional<String> model();

    /** Longest wait for one attempt; for streams, for the first piece and then between pieces. */
    @WithDefault("60s")
    java.time.Duration timeout();

    /** Further attempts after a 5xx, 408, 429, timeout or refused connection. */
    @WithDefault("2")
    int maxRetries();

    /** Wait before the first retry; doubled for each next one, with jitter. */
    @WithDefault("500ms")
    java.time.Duration backoffInitial();

    /** Longest wait between two attempts. */
    @WithDefault("8s")
    java.time.Duration backoffMax();

    CircuitBreaker circuitBreaker();
  }

  interface RemoteEmbedding extends Remote {
    /** Length of the server's vectors; every answer is checked against it. */
    java.util.OptionalInt dimension();

    /** Longest input the model reads, in its tokens (OpenAI's text-embedding-3 models: 8191). */
    @WithDefault("8191")
    int maxInputTokens();
  }

  interface CircuitBreaker {
    /** Recent attempts looked at. */
    @WithDefault("10")
    int window();

    /** Share of those that must have failed for the circuit to open. */
    @WithDefault("0.5")
    double failureRatio();

    /** How long an open circuit fails calls at once before letting one through. */
    @WithDefault("30s")
    java.time.Duration openFor();
  }
}
