package io.augment.adapter.in.grpc;

import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.grpc.v1.CancelIngestJobRequest;
import io.augment.adapter.in.grpc.v1.GetIngestJobRequest;
import io.augment.adapter.in.grpc.v1.IngestJob;
import io.augment.adapter.in.grpc.v1.ListIngestJobsRequest;
import io.augment.adapter.in.grpc.v1.ListIngestJobsResponse;
import io.augment.adapter.in.grpc.v1.SubmitIngestJobRequest;
import io.augment.application.ingest.IngestCommand;
import io.augment.application.ingest.IngestJobs;
import io.augment.application.tenant.Workspace;
import io.augment.domain.model.InvalidInputException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

@GrpcService
@Blocking
public class IngestJobService implements io.augment.adapter.in.grpc.v1.IngestJobs {
  private final CurrentWorkspace current;
  private final RequestLimit limit;

  public IngestJobService(CurrentWorkspace current, RequestLimit limit) {
    this.current = current;
    this.limit = limit;
  }

  private IngestJobs jobs() {
    return current.get().ingestJobs();
  }

  @Override
  public Uni<IngestJob> submit(SubmitIngestJobRequest request) {
    limit.check(request);
    if (request.getDocumentsCount() == 0) {
      throw new InvalidInputException("documents", "must list at least one document");
    }
    List<IngestCommand> commands = new ArrayList<>();
    for (int i = 0; i < request.getDocumentsCount(); i++) {
      commands.add(Requests.document(request.getDocuments(i), "documents[" + i + "]."));
    }
    Workspace workspace = current.get();
    workspace.admitDocuments(commands.size());
    return Uni.createFrom().item(Messages.ingestJob(
        workspace.admitJob(() -> workspace.ingestJobs().submit(request.getKnowledgeBase(), commands))));
  }

  @Override
  public Uni<IngestJob> get(GetIngestJobRequest request) {
    return Uni.createFrom().item(Messages.ingestJob(jobs().get(request.getId())));
  }

  @Override
  public Uni<ListIngestJobsResponse> list(ListIngestJobsRequest request) {
    return Uni.createFrom().item(ListIngestJobsResponse.newBuilder()
        .addAllJobs(jobs().list().stream().map(Messages::ingestJob).toList()).build());
  }

  @Override
  public Uni<IngestJob> cancel(CancelIngestJobRequest request) {
    return Uni.createFrom().item(Messages.ingestJob(jobs().cancel(request.getId())));
  }
}
