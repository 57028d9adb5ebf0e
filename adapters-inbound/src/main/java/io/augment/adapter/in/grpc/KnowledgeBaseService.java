package io.augment.adapter.in.grpc;

import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.grpc.v1.CreateKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DeleteKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DeleteKnowledgeBaseResponse;
import io.augment.adapter.in.grpc.v1.GetKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.KnowledgeBase;
import io.augment.adapter.in.grpc.v1.KnowledgeBases;
import io.augment.adapter.in.grpc.v1.ListKnowledgeBasesRequest;
import io.augment.adapter.in.grpc.v1.ListKnowledgeBasesResponse;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

@GrpcService
@Blocking
public class KnowledgeBaseService implements KnowledgeBases {
  private final CurrentWorkspace current;

  public KnowledgeBaseService(CurrentWorkspace current) {
    this.current = current;
  }

  private ManageKnowledgeBases knowledgeBases() {
    return current.get().knowledgeBases();
  }

  @Override
  public Uni<KnowledgeBase> create(CreateKnowledgeBaseRequest request) {
    return Uni.createFrom().item(Messages.knowledgeBase(knowledgeBases().create(Requests.create(request))));
  }

  @Override
  public Uni<ListKnowledgeBasesResponse> list(ListKnowledgeBasesRequest request) {
    return Uni.createFrom().item(ListKnowledgeBasesResponse.newBuilder()
        .addAllKnowledgeBases(knowledgeBases().list().stream().map(Messages::knowledgeBase).toList()).build());
  }

  @Override
  public Uni<KnowledgeBase> get(GetKnowledgeBaseRequest request) {
    return Uni.createFrom().item(Messages.knowledgeBase(knowledgeBases().get(request.getName())));
  }

  @Override
  public Uni<DeleteKnowledgeBaseResponse> delete(DeleteKnowledgeBaseRequest request) {
    knowledgeBases().delete(request.getName());
    return Uni.createFrom().item(DeleteKnowledgeBaseResponse.getDefaultInstance());
  }
}
