package io.augment.adapter.in.grpc;

import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.grpc.v1.GetKnowledgeInjectionReportRequest;
import io.augment.adapter.in.grpc.v1.GetKnowledgeInjectionRequest;
import io.augment.adapter.in.grpc.v1.KnowledgeInjectionJob;
import io.augment.adapter.in.grpc.v1.KnowledgeInjectionReport;
import io.augment.adapter.in.grpc.v1.StartKnowledgeInjectionRequest;
import io.augment.application.benchmark.KnowledgeInjectionJobs;
import io.augment.application.benchmark.KnowledgePresets;
import io.augment.application.tenant.Workspace;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** The knowledge-injection benchmark; the same presets and rules as the REST API. */
@GrpcService
@Blocking
public class BenchmarkService implements io.augment.adapter.in.grpc.v1.Benchmarks {
  private final CurrentWorkspace current;
  private final RequestLimit limit;

  public BenchmarkService(CurrentWorkspace current, RequestLimit limit) {
    this.current = current;
    this.limit = limit;
  }

  @Override
  public Uni<KnowledgeInjectionJob> startKnowledgeInjection(StartKnowledgeInjectionRequest r) {
    limit.check(r);
    String size = r.getSize().isEmpty() ? null : r.getSize();
    var preset = KnowledgePresets.named(size);
    Workspace workspace = current.get();
    KnowledgeInjectionJobs jobs = jobs(workspace);
    return Uni.createFrom().item(BenchmarkMessages.job(workspace.admitJob(() -> jobs.start(preset))));
  }

  @Override
  public Uni<KnowledgeInjectionJob> getKnowledgeInjection(GetKnowledgeInjectionRequest r) {
    return Uni.createFrom().item(BenchmarkMessages.job(jobs().get(r.getId())));
  }

  @Override
  public Uni<KnowledgeInjectionJob> cancelKnowledgeInjection(GetKnowledgeInjectionRequest r) {
    return Uni.createFrom().item(BenchmarkMessages.job(jobs().cancel(r.getId())));
  }

  @Override
  public Uni<KnowledgeInjectionReport> getKnowledgeInjectionReport(GetKnowledgeInjectionReportRequest r) {
    String text = jobs().report(r.getId(),
        r.getHtml() ? KnowledgeInjectionJobs.Format.HTML : KnowledgeInjectionJobs.Format.MARKDOWN);
    return Uni.createFrom().item(KnowledgeInjectionReport.newBuilder().setText(text).build());
  }

  private KnowledgeInjectionJobs jobs() {
    return jobs(current.get());
  }

  /** The caller's benchmark jobs, or UNIMPLEMENTED when the local engine is off. */
  private static KnowledgeInjectionJobs jobs(Workspace workspace) {
    Optional<KnowledgeInjectionJobs> jobs = workspace.benchmarks();
    if (jobs.isEmpty()) {
      throw Status.UNIMPLEMENTED.withDescription("the knowledge-injection benchmark needs the local engine, which is "
          + "switched off (augment.engine.enabled=false)").asRuntimeException();
    }
    return jobs.get();
  }
}
