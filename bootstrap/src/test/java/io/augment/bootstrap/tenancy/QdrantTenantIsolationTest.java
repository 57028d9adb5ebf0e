package io.augment.bootstrap.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation with vectors in Qdrant (the in-process fake server): each tenant's collections
 * carry its own prefix, and deleting a tenant drops them.
 */
@QuarkusTest
@TestProfile(io.augment.bootstrap.swap.QdrantSwapTest.Qdrant.class)
@Tag("shared-qdrant")
class QdrantTenantIsolationTest extends TenantIsolationContract {

  @Test
  void theSameKnowledgeBaseNameIsTwoCollections() {
    var wa = workspaces.of(a);
    var wb = workspaces.of(b);
    wa.knowledgeBases().create(new io.augment.application.knowledgebase.CreateKnowledgeBaseCommand("same", "", null, null,
        null));

    assertThat(wa.knowledgeBases().list()).hasSize(1);
    assertThat(wb.knowledgeBases().list()).isEmpty();
    assertThat(workspaces.of(io.augment.domain.tenant.TenantId.DEFAULT).knowledgeBases().list())
        .noneMatch(v -> v.knowledgeBase().name().equals("same"));
  }
}
