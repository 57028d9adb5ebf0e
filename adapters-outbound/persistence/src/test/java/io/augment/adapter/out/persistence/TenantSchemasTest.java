package io.augment.adapter.out.persistence;

import static io.augment.domain.testing.Fixtures.chunks;
import static io.augment.domain.testing.Fixtures.knowledgeBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.augment.domain.adaptation.FineTuneFixtures;
import io.augment.domain.adaptation.FineTuneJobRepository;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.adaptation.TrainingFile;
import io.augment.domain.adaptation.TrainingFileRepository;
import io.augment.domain.evaluation.EvaluationFixtures;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.tenant.Tenant;
import io.augment.domain.tenant.TenantFixtures;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants and the default tenant use the same knowledge-base, document, set and run names
 * through bound repositories; each sees only its own. Tenants are fresh per case and dropped after.
 */
@QuarkusTest
class TenantSchemasTest {

  @Inject
  TenantSchemas schemas;

  @Inject
  HibernateKnowledgeBaseRepository knowledgeBases;

  @Inject
  HibernateDocumentRepository documents;

  @Inject
  HibernateEvaluationSetRepository sets;

  @Inject
  HibernateEvaluationRunRepository runs;

  @Inject
  HibernateTenantRepository tenants;

  @Inject
  HibernateFineTuneJobRepository fineTuneJobs;

  @Inject
  HibernateTrainingFileRepository trainingFiles;

  @Inject
  AgroalDataSource dataSource;

  private TenantId a;
  private TenantId b;

  /** The repositories as one tenant sees them. */
  record Stores(KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, EvaluationSetRepository sets,
      EvaluationRunRepository runs) {}

  Stores stores(TenantId tenant) {
    return new Stores(schemas.bind(KnowledgeBaseRepository.class, knowledgeBases, tenant),
        schemas.bind(DocumentRepository.class, documents, tenant),
        schemas.bind(EvaluationSetRepository.class, sets, tenant),
        schemas.bind(EvaluationRunRepository.class, runs, tenant));
  }

  @BeforeEach
  void provisionTwoTenants() {
    a = TenantFixtures.uniqueTenant();
    b = TenantFixtures.uniqueTenant();
    schemas.provision(a);
    schemas.provision(b);
  }

  @AfterEach
  void dropThem() {
    schemas.drop(a);
    schemas.drop(b);
  }

  /** Creates the knowledge base {@code name} with {@code docs} documents whose chunk text names {@code owner}. */
  static KnowledgeBase fill(Stores stores, String name, String owner, int docs) {
    KnowledgeBase kb = new KnowledgeBase(name, "owned by " + owner, Fixtures.EMBEDDING,
        io.augment.domain.model.ChunkingSettings.DEFAULT, 0, Fixtures.CREATED_AT);
    stores.knowledgeBases().create(kb);
    for (int i = 0; i < docs; i++) {
      Document document = Fixtures.document(name, "doc-" + i, 2, Map.of("owner", owner));
      List<Chunk> chunks = new ArrayList<>();
      for (Chunk chunk : chunks(document)) {
        chunks.add(Fixtures.chunk(document, chunk.index(), owner + " text " + chunk.index()));
      }
      stores.documents().save(document, chunks);
      stores.knowledgeBases().ingested(name, 10);
    }
    return kb;
  }

  @Test
  void sameNamesInTwoTenantsAndTheDefaultStaySeparate() {
    String name = Fixtures.uniqueName("kb");
    Stores inA = stores(a);
    Stores inB = stores(b);
    Stores inDefault = stores(TenantId.DEFAULT);
    fill(inDefault, name, "default", 3);
    fill(inA, name, "a", 2);
    fill(inB, name, "b", 1);

    for (var expected : List.of(Map.entry(inDefault, "default"), Map.entry(inA, "a"), Map.entry(inB, "b"))) {
      Stores stores = expected.getKey();
      String owner = expected.getValue();
      int docs = owner.equals("default") ? 3 : owner.equals("a") ? 2 : 1;
      assertThat(stores.knowledgeBases().find(name)).map(KnowledgeBase::description).contains("owned by " + owner);
      assertThat(stores.knowledgeBases().find(name)).map(KnowledgeBase::revision).contains((long) docs);
      assertThat(stores.knowledgeBases().ingestMillis(name)).hasValue(10L * docs);
      assertThat(stores.knowledgeBases().findAll()).filteredOn(kb -> kb.name().equals(name)).singleElement()
          .extracting(KnowledgeBase::description).isEqualTo("owned by " + owner);
      assertThat(stores.documents().count(name)).isEqualTo(docs);
      assertThat(stores.documents().chunkCount(name)).isEqualTo(2L * docs);
      assertThat(stores.documents().findAll(name, 0, 100)).hasSize(docs)
          .allSatisfy(d -> assertThat(d.metadata()).containsEntry("owner", owner));
      assertThat(stores.documents().chunks(name, "doc-0")).map(Chunk::text)
          .containsExactly(owner + " text 0", owner + " text 1");
    }
    assertThat(inB.documents().find(name, "doc-1")).isEmpty();
    assertThat(inA.documents().find(name, "doc-2")).isEmpty();
    inDefault.knowledgeBases().delete(name);
  }

  @Test
  void evaluationSetsAndRunsOfTheSameNameStaySeparate() {
    String set = EvaluationFixtures.uniqueName("set");
    String run = EvaluationFixtures.uniqueName("run");
    Stores inA = stores(a);
    Stores inB = stores(b);
    inA.sets().create(new EvaluationSet(set, "set of a", 3, EvaluationFixtures.CREATED_AT),
        EvaluationFixtures.questions(3));
    inB.sets().create(new EvaluationSet(set, "set of b", 1, EvaluationFixtures.CREATED_AT),
        EvaluationFixtures.questions(1));
    EvaluationRunSpec spec = EvaluationFixtures.spec(set, null);
    inA.runs().save(EvaluationFixtures.queued(run, spec, EvaluationFixtures.CREATED_AT));
    inA.runs().append(run, List.of(EvaluationFixtures.result(QuestionResult.EVALUATION, 0, "rag:handbook", "a's")));

    assertThat(inA.sets().find(set)).map(EvaluationSet::description).contains("set of a");
    assertThat(inB.sets().find(set)).map(EvaluationSet::description).contains("set of b");
    assertThat(inB.sets().questions(set)).hasSize(1);
    assertThat(stores(TenantId.DEFAULT).sets().find(set)).isEmpty();
    assertThat(inA.runs().results(run)).map(QuestionResult::answer).containsExactly("a's");
    assertThat(inB.runs().find(run)).isEmpty();
    assertThat(inB.runs().list()).isEmpty();
    assertThat(inB.runs().results(run)).isEmpty();
    assertThat(inB.runs().delete(run)).isFalse();
    assertThat(inA.runs().find(run)).isPresent();
  }

  @Test
  void fineTuneJobsAndTrainingFilesOfTheSameIdStaySeparate() {
    String job = FineTuneFixtures.uniqueId("ftjob");
    String file = FineTuneFixtures.uniqueId("file");
    FineTuneJobRepository jobsOfA = schemas.bind(FineTuneJobRepository.class, fineTuneJobs, a);
    FineTuneJobRepository jobsOfB = schemas.bind(FineTuneJobRepository.class, fineTuneJobs, b);
    TrainingFileRepository filesOfA = schemas.bind(TrainingFileRepository.class, trainingFiles, a);
    TrainingFileRepository filesOfB = schemas.bind(TrainingFileRepository.class, trainingFiles, b);
    jobsOfA.save(FineTuneFixtures.running(job, FineTuneFixtures.loraSpec()));
    jobsOfA.append(job, FineTuneFixtures.events(1, 3));
    jobsOfA.saveCheckpoints(job, List.of(FineTuneFixtures.checkpoint("ckpt-1", 1, null)));
    filesOfA.save(FineTuneFixtures.file(file, "a.jsonl", 1, FineTuneFixtures.CREATED_AT), new byte[] {'a'});
    filesOfB.save(FineTuneFixtures.file(file, "b.jsonl", 1, FineTuneFixtures.CREATED_AT), new byte[] {'b'});

    assertThat(jobsOfA.unfinished()).extracting(FineTuningJob::id).containsExactly(job);
    assertThat(jobsOfB.find(job)).isEmpty();
    assertThat(jobsOfB.list()).isEmpty();
    assertThat(jobsOfB.unfinished()).isEmpty();
    assertThat(jobsOfB.events(job, 0, 10)).isEmpty();
    assertThat(jobsOfB.checkpoints(job)).isEmpty();
    assertThat(jobsOfB.delete(job)).isFalse();
    assertThat(fineTuneJobs.find(job)).isEmpty();
    assertThat(jobsOfA.events(job, 0, 10)).hasSize(3);
    assertThat(filesOfA.find(file)).map(TrainingFile::filename).contains("a.jsonl");
    assertThat(filesOfB.content(file)).hasValueSatisfying(c -> assertThat(c).containsExactly('b'));
    assertThat(trainingFiles.find(file)).isEmpty();
  }

  @Test
  void dropRemovesOneTenantsDataAndLeavesTheOthers() {
    String name = Fixtures.uniqueName("kb");
    fill(stores(a), name, "a", 2);
    fill(stores(b), name, "b", 2);

    schemas.drop(a);

    assertThat(schemas.provisioned()).doesNotContain(a).contains(b);
    schemas.provision(a);
    assertThat(stores(a).knowledgeBases().find(name)).isEmpty();
    assertThat(stores(a).documents().count(name)).isZero();
    assertThat(stores(b).knowledgeBases().find(name)).map(KnowledgeBase::description).contains("owned by b");
    assertThat(stores(b).documents().count(name)).isEqualTo(2);
  }

  @Test
  void provisioningTwiceIsHarmlessAndKeepsTheData() {
    String name = Fixtures.uniqueName("kb");
    fill(stores(a), name, "a", 1);

    schemas.provision(a);
    schemas.provision(a);

    assertThat(stores(a).documents().count(name)).isEqualTo(1);
    assertThat(schemas.provisioned()).contains(a, b);
  }

  @Test
  void boundCallsLeakNoSchemaToTheNextUnboundCallOrToPooledConnections() throws SQLException {
    String name = Fixtures.uniqueName("kb");
    String defaultSchema;
    try (Connection connection = dataSource.getConnection()) {
      defaultSchema = connection.getSchema();
    }
    KnowledgeBaseRepository inA = stores(a).knowledgeBases();
    knowledgeBases.create(knowledgeBase(name));
    inA.create(new KnowledgeBase(name, "owned by a", Fixtures.EMBEDDING,
        io.augment.domain.model.ChunkingSettings.DEFAULT, 0, Fixtures.CREATED_AT));

    for (int i = 0; i < 200; i++) {
      assertThat(inA.find(name)).map(KnowledgeBase::description).contains("owned by a");
      assertThat(knowledgeBases.find(name)).map(KnowledgeBase::description).contains("About " + name);
      assertThat(documents.count(name)).isZero();
    }

    // Every connection of the pool at once: none is left on a tenant's schema.
    int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
    List<Connection> all = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        all.add(dataSource.getConnection());
      }
      for (Connection connection : all) {
        assertThat(connection.getSchema()).isEqualTo(defaultSchema);
      }
    } finally {
      for (Connection connection : all) {
        connection.close();
      }
    }
    knowledgeBases.delete(name);
  }

  @Test
  void boundAndUnboundCallsWorkOnThreadsWithoutARequestContext() throws Exception {
    String name = Fixtures.uniqueName("kb");
    KnowledgeBaseRepository inA = stores(a).knowledgeBases();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      pool.submit(() -> inA.create(new KnowledgeBase(name, "owned by a", Fixtures.EMBEDDING,
          io.augment.domain.model.ChunkingSettings.DEFAULT, 0, Fixtures.CREATED_AT))).get();
      List<java.util.concurrent.Future<Optional<String>>> finds = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        KnowledgeBaseRepository repository = i % 2 == 0 ? inA : knowledgeBases;
        finds.add(pool.submit(() -> repository.find(name).map(KnowledgeBase::description)));
      }
      for (int i = 0; i < finds.size(); i++) {
        assertThat(finds.get(i).get()).isEqualTo(i % 2 == 0 ? Optional.of("owned by a") : Optional.empty());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aFailingBoundCallRestoresTheDefaultSchemaToo() {
    KnowledgeBaseRepository inA = stores(a).knowledgeBases();
    String name = Fixtures.uniqueName("kb");
    inA.create(knowledgeBase(name));

    assertThatThrownBy(() -> inA.create(knowledgeBase(name)))
        .isInstanceOf(io.augment.domain.model.AlreadyExistsException.class);

    assertThat(knowledgeBases.find(name)).isEmpty();
  }

  @Test
  void aBoundCallCannotJoinATransactionOfAnotherSchema() {
    KnowledgeBaseRepository inA = stores(a).knowledgeBases();

    assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> inA.find("anything")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(a.value());
  }

  @Test
  void tenantTablesAreReadInTheDefaultSchemaEvenFromABoundCall() {
    TenantId stored = TenantFixtures.uniqueTenant();
    tenants.create(TenantFixtures.tenant(stored));
    Supplier<Optional<Tenant>> lookup = () -> tenants.find(stored);
    @SuppressWarnings("unchecked")
    Supplier<Optional<Tenant>> bound = schemas.bind(Supplier.class, lookup, a);

    assertThat(bound.get()).map(Tenant::id).contains(stored);
    tenants.delete(stored);
  }

  @Test
  void theDefaultTenantIsBoundToNothingAndNeverDropped() {
    assertThat(schemas.bind(KnowledgeBaseRepository.class, knowledgeBases, TenantId.DEFAULT)).isSameAs(knowledgeBases);
    assertThatThrownBy(() -> schemas.drop(TenantId.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
    assertThat(TenantSchemas.schemaName(new TenantId("team-a-1"))).isEqualTo("tenant_team_a_1");
  }

  @Test
  void defaultMethodsOfABoundPortRunInTheTenantsSchema() {
    String name = Fixtures.uniqueName("kb");
    stores(a).knowledgeBases().create(knowledgeBase(name));
    Lookup direct = kb -> knowledgeBases.find(kb).isPresent();

    Lookup bound = schemas.bind(Lookup.class, direct, a);

    assertThat(bound.exists(name)).isTrue();
    assertThat(bound.existsTwice(name)).isTrue();
    assertThat(direct.existsTwice(name)).isFalse();
  }

  /** A port with a default method, to see that default methods run bound too. */
  interface Lookup {
    boolean exists(String name);

    default boolean existsTwice(String name) {
      return exists(name) && exists(name);
    }
  }
}
