package io.augment.adapter.in.grpc;

import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.grpc.v1.DeleteDocumentRequest;
import io.augment.adapter.in.grpc.v1.DeleteDocumentResponse;
import io.augment.adapter.in.grpc.v1.Document;
import io.augment.adapter.in.grpc.v1.Documents;
import io.augment.adapter.in.grpc.v1.GetDocumentRequest;
import io.augment.adapter.in.grpc.v1.IngestDocumentRequest;
import io.augment.adapter.in.grpc.v1.IngestResult;
import io.augment.adapter.in.grpc.v1.ListDocumentsRequest;
import io.augment.adapter.in.grpc.v1.ListDocumentsResponse;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestCommand;
import io.augment.application.ingest.ManageDocuments;
import io.augment.application.tenant.Principal;
import io.augment.application.tenant.Workspace;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@GrpcService
public class DocumentService implements Documents {
  private final CurrentWorkspace current;
  private final DocumentParsers parsers;
  private final RequestLimit limit;

  public DocumentService(CurrentWorkspace current, DocumentParsers parsers, RequestLimit limit) {
    this.current = current;
    this.parsers = parsers;
    this.limit = limit;
  }

  private ManageDocuments documents() {
    return current.get().documents();
  }

  /**
   * Collects on the event loop (the limit is checked per chunk), checks the upload is whole once the
   * client half-closes, then ingests on a worker thread. A stream that ends in error or is cancelled
   * never reaches the ingest. The caller is read first, on the call's own thread where it is known;
   * its workspace (which may read the database) on the worker.
   */
  @Override
  public Uni<IngestResult> upload(Multi<UploadRequest> request) {
    Principal caller = current.principal();
    return request.collect().in(() -> new Upload(parsers, limit), Upload::accept)
        .map(upload -> {
          IngestCommand command = upload.command(); // first: it refuses an empty or incomplete upload
          return new Whole(upload.knowledgeBase(), command);
        })
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(whole -> {
          Workspace workspace = current.of(caller);
          workspace.admitDocuments(1);
          return Messages.ingestResult(workspace.ingest().ingest(whole.knowledgeBase(), whole.command()));
        });
  }

  private record Whole(String knowledgeBase, IngestCommand command) {}

  @Override
  @Blocking
  public Uni<IngestResult> ingest(IngestDocumentRequest request) {
    limit.check(request);
    var command = Requests.document(request.getDocument(), "");
    Workspace workspace = current.get();
    workspace.admitDocuments(1);
    return Uni.createFrom().item(Messages.ingestResult(workspace.ingest().ingest(request.getKnowledgeBase(), command)));
  }

  @Override
  @Blocking
  public Uni<Document> get(GetDocumentRequest request) {
    return Uni.createFrom().item(Messages.document(documents().get(request.getKnowledgeBase(), request.getId())));
  }

  @Override
  @Blocking
  public Uni<ListDocumentsResponse> list(ListDocumentsRequest request) {
    int limit = request.hasLimit() ? request.getLimit() : 100;
    return Uni.createFrom().item(ListDocumentsResponse.newBuilder()
        .addAllDocuments(documents().list(request.getKnowledgeBase(), request.getOffset(), limit).stream()
            .map(Messages::document).toList()).build());
  }

  @Override
  @Blocking
  public Uni<DeleteDocumentResponse> delete(DeleteDocumentRequest request) {
    documents().delete(request.getKnowledgeBase(), request.getId());
    return Uni.createFrom().item(DeleteDocumentResponse.getDefaultInstance());
  }
}
