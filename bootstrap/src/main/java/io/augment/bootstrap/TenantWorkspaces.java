package io.augment.bootstrap;

import io.augment.adapter.out.lucene.LuceneVectorIndex;
import io.augment.adapter.out.memory.InMemoryDocumentRepository;
import io.augment.adapter.out.memory.InMemoryEvaluationRunRepository;
import io.augment.adapter.out.memory.InMemoryEvaluationSetRepository;
import io.augment.adapter.out.memory.InMemoryFineTuneJobRepository;
import io.augment.adapter.out.memory.InMemoryTrainingFileRepository;
import io.augment.adapter.out.memory.InMemoryKnowledgeBaseRepository;
import io.augment.adapter.out.memory.InMemoryVectorIndex;
import io.augment.application.generation.Generators;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.application.tenant.Workspace;
import io.augment.application.tenant.Workspaces;
import io.augment.bootstrap.EvaluationProducers.EvaluationExecutor;
import io.augment.domain.adaptation.FineTuneJobRepository;
import io.augment.domain.adaptation.TrainingDataParser;
import io.augment.domain.adaptation.TrainingFileRepository;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.generation.Generator;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.Reranker;
import io.augment.domain.retrieval.VectorIndex;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.Tenant;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.tenant.TenantRepository;
import io.augment.domain.tenant.TenantStorage;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Each tenant's {@link Workspace}, built on first use over that tenant's own stores: the operator's
 * tenant over the deployment's original ones (existing data stays where it is), every other tenant
 * over its own database schema, {@code <data-dir>/tenants/<id>} folders and Qdrant collection prefix.
 */
@Singleton
public class TenantWorkspaces implements Workspaces {
  private static final Logger LOG = Logger.getLogger(TenantWorkspaces.class);

  private final Map<TenantId, Entry> built = new ConcurrentHashMap<>();
  /** Null until start-up recovery is done; then every workspace's index is checkpointed this often. */
  private volatile java.time.Duration checkpointEvery;
  private final AugmentConfig config;
  private final TenantRepository tenants;
  private final TenantPorts operatorPorts;
  private final SchemaNamespaces schemas;
  private final WorkspaceFactory factory;
  private final LocalEngine engine;
  private final Trainers trainers;
  private final ExecutorService benchmarkExecutor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "knowledge-injection-benchmark");
    t.setDaemon(true);
    return t;
  });

  /** A built workspace and what must be closed with it. */
  private record Entry(WorkspaceFactory.Built built, TenantPorts ports) {}

  public TenantWorkspaces(AugmentConfig config, TenantRepository tenants, KnowledgeBaseRepository kbs,
      DocumentRepository docs, VectorIndex index, EvaluationSetRepository sets, EvaluationRunRepository runs,
      FineTuneJobRepository fineTuneJobs, TrainingFileRepository trainingFiles, SchemaNamespaces schemas, EmbeddingModels models, Generator generator, Reranker reranker, DocumentParsers parsers,
      @IngestExecutor ExecutorService ingestExecutor, @EvaluationExecutor ExecutorService evaluationExecutor,
      IngestMetrics metrics, LocalEngine engine, TrainingDataParser trainingData) {
    this.config = config;
    this.tenants = tenants;
    this.operatorPorts = new TenantPorts(TenantId.DEFAULT, kbs, docs, index, sets, runs, fineTuneJobs, trainingFiles);
    this.schemas = schemas;
    this.engine = engine;
    this.trainers = new Trainers(config, engine, generator);
    this.factory = new WorkspaceFactory(config, models, generator, reranker, parsers, ingestExecutor, evaluationExecutor,
        benchmarkExecutor, metrics, engine, trainers, trainingData);
  }

  @Override
  public Workspace of(TenantId tenant) {
    Entry entry = built.get(tenant);
    if (entry != null) {
      return entry.built().workspace();
    }
    if (!tenant.isDefault() && tenants.find(tenant).isEmpty()) {
      throw new NotFoundException("tenant", tenant.value());
    }
    return entry(tenant).built().workspace();
  }

  /** The operator's workspace, whose use cases are also CDI beans. */
  Workspace operator() {
    return of(TenantId.DEFAULT);
  }

  /** The operator's index synchroniser. */
  io.augment.application.index.IndexSync operatorIndexSync() {
    return entry(TenantId.DEFAULT).built().indexSync();
  }

  /** Every tenant's built workspace and index synchroniser, building those not built yet (start-up recovery). */
  List<WorkspaceFactory.Built> all() {
    Stream<TenantId> ids = Stream.concat(Stream.of(TenantId.DEFAULT),
        tenants.list().stream().map(Tenant::id).filter(t -> !t.isDefault()));
    return ids.map(t -> entry(t).built()).toList();
  }

  /** The workspaces built so far, building none (shutdown must not open stores). */
  List<WorkspaceFactory.Built> built() {
    return built.values().stream().map(Entry::built).toList();
  }

  private Entry entry(TenantId tenant) {
    Entry entry = built.computeIfAbsent(tenant, t -> {
      TenantPorts ports = t.isDefault() ? operatorPorts : ports(t);
      return new Entry(factory.build(ports, () -> quotas(t)), ports);
    });
    java.time.Duration every = checkpointEvery;
    if (every != null) {
      entry.built().indexSync().start(every); // a tenant created while serving; a no-op when started already
    }
    return entry;
  }

  /**
   * After start-up recovery: checkpoints every built workspace's index every {@code interval}, and
   * each workspace built from now on (a tenant created while serving) as soon as it is built.
   */
  void checkpointEvery(java.time.Duration interval) {
    checkpointEvery = interval;
    built.values().forEach(e -> e.built().indexSync().start(interval));
  }

  private Quotas quotas(TenantId tenant) {
    return tenants.find(tenant).map(Tenant::quotas).orElse(Quotas.UNLIMITED);
  }

  /** A tenant's stores, each bound to the tenant's own namespace. */
  private TenantPorts ports(TenantId tenant) {
    KnowledgeBaseRepository kbs;
    DocumentRepository docs;
    EvaluationSetRepository sets;
    EvaluationRunRepository runs;
    FineTuneJobRepository jobs;
    TrainingFileRepository files;
    switch (config.metadataStore()) {
      case JPA -> {
        kbs = schemas.bind(KnowledgeBaseRepository.class, operatorPorts.knowledgeBases(), tenant);
        docs = schemas.bind(DocumentRepository.class, operatorPorts.documents(), tenant);
        sets = schemas.bind(EvaluationSetRepository.class, operatorPorts.evaluationSets(), tenant);
        runs = schemas.bind(EvaluationRunRepository.class, operatorPorts.evaluationRuns(), tenant);
        jobs = schemas.bind(FineTuneJobRepository.class, operatorPorts.fineTuneJobs(), tenant);
        files = schemas.bind(TrainingFileRepository.class, operatorPorts.trainingFiles(), tenant);
      }
      case MEMORY -> {
        InMemoryDocumentRepository memoryDocs = new InMemoryDocumentRepository();
        docs = memoryDocs;
        kbs = new InMemoryKnowledgeBaseRepository(memoryDocs);
        sets = new InMemoryEvaluationSetRepository();
        runs = new InMemoryEvaluationRunRepository();
        jobs = new InMemoryFineTuneJobRepository();
        files = new InMemoryTrainingFileRepository();
      }
      default -> throw new IllegalStateException("unknown metadata store " + config.metadataStore());
    }
    return new TenantPorts(tenant, kbs, docs, index(tenant), sets, runs, jobs, files);
  }

  private VectorIndex index(TenantId tenant) {
    return switch (config.vectorStore()) {
      case LUCENE -> AdapterProducers.lucene(TenantFolders.of(config, tenant).resolve("index"));
      case MEMORY -> new InMemoryVectorIndex();
      case QDRANT -> AdapterProducers.qdrant(config.qdrant(),
          TenantFolders.qdrantPrefix(config.qdrant().collectionPrefix(), tenant));
    };
  }

  /** Stops a deleted tenant's work and closes its stores; its data is removed by {@link #storage()}. */
  void forget(TenantId tenant) {
    Entry entry = built.remove(tenant);
    if (entry == null) {
      return;
    }
    Workspace ws = entry.built().workspace();
    cancelQuietly(() -> ws.ingestJobs().list().stream().filter(j -> !j.status().finished())
        .forEach(j -> ws.ingestJobs().cancel(j.id())));
    cancelQuietly(() -> ws.summaryJobs().list().stream().filter(j -> !j.status().finished())
        .forEach(j -> ws.summaryJobs().cancel(j.id())));
    cancelQuietly(() -> ws.evaluationRuns().list().stream().filter(r -> !r.status().finished())
        .forEach(r -> ws.evaluationRuns().cancel(r.id())));
    cancelQuietly(() -> ws.fineTuning().list().stream().filter(j -> !j.status().finished())
        .forEach(j -> ws.fineTuning().cancel(j.id())));
    entry.built().indexSync().close();
    if (!tenant.isDefault()) {
      closeIndex(tenant, entry.ports().index());
    }
    if (engine.enabled()) {
      engine.forget(tenant);
    }
  }

  private static void cancelQuietly(Runnable cancel) {
    try {
      cancel.run();
    } catch (RuntimeException e) {
      LOG.warnf(e, "cancelling a deleted tenant's jobs");
    }
  }

  /**
   * Each tenant's namespaces in every backend. {@link TenantStorage#provision} is for a tenant being
   * created: whatever is still stored under its id (a delete cut off between removing the tenant's
   * record and purging its storage, or a create cut off before its record) is purged first, so the
   * new tenant starts empty instead of inheriting the deleted one's knowledge bases.
   */
  TenantStorage storage() {
    return new TenantStorage() {
      @Override
      public void provision(TenantId tenant) {
        if (tenant.isDefault()) {
          return;
        }
        if (tenants.find(tenant).isEmpty()) { // recorded already: a concurrent create won, keep its storage
          removeStorage(tenant);
        }
        migrate(tenant);
      }

      @Override
      public void purge(TenantId tenant) {
        if (tenant.isDefault()) {
          throw new IllegalArgumentException("the operator's tenant is never purged");
        }
        removeStorage(tenant);
        LOG.infof("tenant %s deleted with all it stored", tenant);
      }
    };
  }

  /** Creates a recorded tenant's namespaces where missing and brings its schema up to date (start-up); idempotent. */
  void migrate(TenantId tenant) {
    if (tenant.isDefault()) {
      return;
    }
    if (config.metadataStore() == AugmentConfig.MetadataStore.JPA) {
      schemas.provision(tenant);
    }
    try {
      Files.createDirectories(TenantFolders.of(config, tenant));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes everything stored under the tenant's namespaces; harmless when there is nothing. */
  private void removeStorage(TenantId tenant) {
    if (config.vectorStore() == AugmentConfig.VectorStore.QDRANT && schemas.exists(tenant)) {
      dropCollections(tenant); // the only store outside the tenant's schema and folder; named by its knowledge bases
    }
    if (config.metadataStore() == AugmentConfig.MetadataStore.JPA) {
      schemas.drop(tenant);
    }
    deleteTree(TenantFolders.of(config, tenant));
  }

  private void dropCollections(TenantId tenant) {
    TenantPorts ports = ports(tenant);
    try {
      for (KnowledgeBase kb : ports.knowledgeBases().findAll()) {
        ports.index().dropCollection(kb.name());
      }
    } finally {
      closeIndex(tenant, ports.index());
    }
  }

  /** Closes a tenant's own index (the operator's is the VectorIndex bean, closed by its disposer). */
  private static void closeIndex(TenantId tenant, VectorIndex index) {
    if (index instanceof Closeable c) {
      try {
        c.close();
      } catch (IOException e) {
        LOG.warnf(e, "closing tenant %s's index", tenant);
      }
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("removing " + root, e);
    }
  }

  @PreDestroy
  void close() {
    benchmarkExecutor.shutdownNow();
    trainers.close();
    for (Map.Entry<TenantId, Entry> e : built.entrySet()) {
      e.getValue().built().indexSync().close();
      if (!e.getKey().isDefault()) {
        closeIndex(e.getKey(), e.getValue().ports().index());
      }
    }
  }
}
