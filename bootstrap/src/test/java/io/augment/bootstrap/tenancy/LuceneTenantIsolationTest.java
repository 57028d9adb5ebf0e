package io.augment.bootstrap.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenant isolation with each tenant's Lucene index in its own folder (records in memory). */
@QuarkusTest
@TestProfile(LuceneTenantIsolationTest.LuceneWithMemoryRecords.class)
class LuceneTenantIsolationTest extends TenantIsolationContract {
  public static class LuceneWithMemoryRecords implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("augment.vector-store", "lucene", "augment.metadata-store", "memory", "augment.engine.enabled", "false");
    }
  }

  @Test
  void eachTenantsIndexLivesUnderItsOwnFolder() {
    workspaces.of(a).knowledgeBases().create(new CreateKnowledgeBaseCommand("docs", "", null, null, null));

    assertThat(Files.isDirectory(dataDir.resolve("tenants").resolve(a.value()).resolve("index"))).isTrue();
    assertThat(Files.exists(dataDir.resolve("tenants").resolve(b.value()).resolve("index").resolve("docs"))).isFalse();
  }
}
