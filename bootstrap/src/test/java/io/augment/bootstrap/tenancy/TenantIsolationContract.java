package io.augment.bootstrap.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.ingest.IngestCommand;
import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.augment.application.knowledgebase.KnowledgeBaseView;
import io.augment.application.query.QueryCommand;
import io.augment.application.tenant.ManageTenants;
import io.augment.application.tenant.Principal;
import io.augment.application.tenant.Workspace;
import io.augment.application.tenant.Workspaces;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants use the same knowledge-base, document and evaluation-set names; each workspace sees
 * only its own, and deleting one tenant removes its data and leaves the other's. Run on each store
 * combination by a subclass.
 */
abstract class TenantIsolationContract {
  @Inject
  ManageTenants manage;

  @Inject
  Workspaces workspaces;

  @ConfigProperty(name = "augment.data-dir")
  Path dataDir;

  TenantId a;
  TenantId b;

  @BeforeEach
  void twoTenants() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    a = manage.create(Principal.IMPLICIT, "a-" + suffix, "A", null).id();
    b = manage.create(Principal.IMPLICIT, "b-" + suffix, "B", null).id();
  }

  @org.junit.jupiter.api.AfterEach
  void removeTenants() {
    for (TenantId t : List.of(a, b)) {
      try {
        manage.delete(Principal.IMPLICIT, t.value());
      } catch (NotFoundException alreadyGone) {
        // deleted by the test
      }
    }
  }

  private static void seed(Workspace ws, String text) {
    ws.knowledgeBases().create(new CreateKnowledgeBaseCommand("docs", "shared name", null, null, null));
    ws.ingest().ingest("docs", IngestCommand.text("handbook", "Handbook", text, Map.of()));
    ws.evaluationSets().create("exam", "", List.of(new EvaluationQuestion("What?", List.of(text), List.of())));
  }

  private static List<String> texts(Workspace ws) {
    return ws.search().search(QueryCommand.search("docs", "colour of the office door", 5, null, null)).chunks().stream()
        .map(ScoredChunk::chunk).map(c -> c.text()).toList();
  }

  @Test
  void tenantsWithTheSameNamesSeeOnlyTheirOwnData() {
    Workspace wa = workspaces.of(a);
    Workspace wb = workspaces.of(b);
    seed(wa, "The office door of tenant A is painted red.");
    seed(wb, "The office door of tenant B is painted blue.");

    assertThat(texts(wa)).singleElement().asString().contains("red");
    assertThat(texts(wb)).singleElement().asString().contains("blue");
    assertThat(wa.knowledgeBases().list()).extracting(KnowledgeBaseView::documents).containsExactly(1L);
    assertThat(wa.documents().get("docs", "handbook").title()).isEqualTo("Handbook");
    assertThat(wa.evaluationSets().questions("exam")).singleElement()
        .satisfies(q -> assertThat(q.answers()).singleElement().asString().contains("red"));
    assertThat(workspaces.of(TenantId.DEFAULT).knowledgeBases().list()).extracting(v -> v.knowledgeBase().name())
        .doesNotContain("docs");
  }

  @Test
  void deletingOneTenantRemovesItsDataAndLeavesTheOthers() {
    seed(workspaces.of(a), "The office door of tenant A is painted red.");
    seed(workspaces.of(b), "The office door of tenant B is painted blue.");

    manage.delete(Principal.IMPLICIT, b.value());

    assertThatThrownBy(() -> workspaces.of(b)).isInstanceOf(NotFoundException.class);
    assertThat(Files.exists(dataDir.resolve("tenants").resolve(b.value()))).isFalse();
    assertThat(texts(workspaces.of(a))).singleElement().asString().contains("red");

    manage.create(Principal.IMPLICIT, b.value(), "B again", null);
    assertThat(workspaces.of(b).knowledgeBases().list()).isEmpty();
    assertThat(workspaces.of(b).evaluationSets().list()).isEmpty();
  }

  @Test
  void anUnknownTenantHasNoWorkspace() {
    assertThatThrownBy(() -> workspaces.of(new TenantId("never-created"))).isInstanceOf(NotFoundException.class);
  }
}
