package io.augment.bootstrap;

import io.augment.application.adaptation.FineTuneKnowledgeBase;
import io.augment.application.benchmark.KnowledgeInjectionJobs;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.application.generation.Generators;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.ingest.IngestJobs;
import io.augment.application.ingest.ManageDocuments;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.CompareAnswers;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.summary.SummarizeKnowledgeBase;
import io.augment.application.summary.SummaryJobs;
import io.augment.application.tenant.Workspace;
import io.augment.application.tenant.Workspaces;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.tenant.TenantRepository;
import io.augment.domain.tenant.TenantStorage;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Each tenant's {@link Workspace}, built on first use. (First step: the operator's tenant only.) */
@Singleton
public class TenantWorkspaces implements Workspaces {
  private final Map<TenantId, Workspace> built = new ConcurrentHashMap<>();
  private final Instance<Object> beans;
  private final TenantRepository tenants;

  public TenantWorkspaces(Instance<Object> beans, TenantRepository tenants) {
    this.beans = beans;
    this.tenants = tenants;
  }

  @Override
  public Workspace of(TenantId tenant) {
    if (!tenant.isDefault() && tenants.find(tenant).isEmpty()) {
      throw new NotFoundException("tenant", tenant.value());
    }
    if (!tenant.isDefault()) {
      throw new NotFoundException("tenant", tenant.value());
    }
    return built.computeIfAbsent(tenant, this::operator);
  }

  private Workspace operator(TenantId tenant) {
    return new Workspace(tenant, bean(ManageKnowledgeBases.class), bean(IngestDocuments.class), bean(IngestJobs.class),
        bean(ManageDocuments.class), bean(SearchKnowledgeBase.class), bean(AnswerQuestion.class),
        bean(CompareAnswers.class), bean(Generators.class), bean(SummarizeKnowledgeBase.class), bean(SummaryJobs.class),
        bean(EvaluationSets.class), bean(EvaluationRuns.class), bean(EvaluationReports.class),
        optional(FineTuneKnowledgeBase.class), optional(FineTuner.class), optional(AdapterCatalog.class),
        optional(KnowledgeInjectionJobs.class),
        () -> tenants.find(tenant).map(t -> t.quotas()).orElse(Quotas.UNLIMITED));
  }

  private <T> T bean(Class<T> type) {
    return beans.select(type).get();
  }

  private <T> Optional<T> optional(Class<T> type) {
    Instance<T> i = beans.select(type);
    return i.isResolvable() ? Optional.of(i.get()) : Optional.empty();
  }

  /** Drops a deleted tenant's cached workspace. */
  void forget(TenantId tenant) {
    built.remove(tenant);
  }

  /** Each tenant's namespaces in every backend. */
  TenantStorage storage() {
    return new TenantStorage() {
      @Override
      public void provision(TenantId tenant) {}

      @Override
      public void purge(TenantId tenant) {}
    };
  }
}
