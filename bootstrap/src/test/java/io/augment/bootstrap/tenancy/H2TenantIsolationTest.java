package io.augment.bootstrap.tenancy;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
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
}
