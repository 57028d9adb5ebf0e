package io.augment.bootstrap.tenancy;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.application.ingest.IngestCommand;
import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.augment.application.tenant.Workspace;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenant isolation on the embedded defaults: a schema per tenant in H2, a Lucene folder per tenant. */
@QuarkusTest
@Tag("shared-app")
class H2TenantIsolationTest extends TenantIsolationContract {

  @Test
  void eachTenantsIndexLivesUnderItsOwnFolder() {
    workspaces.of(a).knowledgeBases().create(new CreateKnowledgeBaseCommand("docs", "", null, null, null));

    assertThat(Files.isDirectory(dataDir.resolve("tenants").resolve(a.value()).resolve("index"))).isTrue();
    assertThat(Files.exists(dataDir.resolve("tenants").resolve(b.value()).resolve("index").resolve("docs"))).isFalse();
  }

  @Test
  void aTenantCreatedWhileServingHasItsIndexCommittedAtEveryCheckpointNotOnlyAtShutdown() throws Exception {
    Workspace ws = workspaces.of(a);
    ws.knowledgeBases().create(new CreateKnowledgeBaseCommand("docs", "", null, null, null));
    ws.ingest().ingest("docs", IngestCommand.text("handbook", "Handbook", "The office door is painted green.", Map.of()));

    // what a reader of the files sees is only what was committed: what a crash would leave
    Path index = dataDir.resolve("tenants").resolve(a.value()).resolve("index").resolve("docs").resolve("index");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
    int committed = 0;
    while (committed == 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      try (var directory = org.apache.lucene.store.FSDirectory.open(index);
          var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
        committed = reader.numDocs();
      }
    }
    assertThat(committed).as("chunks committed to the new tenant's index within 15 s").isEqualTo(1);
  }
}
