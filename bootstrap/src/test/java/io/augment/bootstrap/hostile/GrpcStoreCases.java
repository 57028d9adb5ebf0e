package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;

import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.v1.CreateKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DeleteDocumentRequest;
import io.augment.adapter.in.grpc.v1.DeleteKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DocumentInput;
import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.GetDocumentRequest;
import io.augment.adapter.in.grpc.v1.GetKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.IngestDocumentRequest;
import io.augment.adapter.in.grpc.v1.ListDocumentsRequest;
import io.augment.adapter.in.grpc.v1.UploadMetadata;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.grpc.Channel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Malformed calls that try to write: KnowledgeBases, Documents.Ingest/Get/List/Delete and Documents.Upload. */
final class GrpcStoreCases extends GrpcCaseList {
  private static final String LONG_63 = "x".repeat(64);

  GrpcStoreCases(Channel channel, String kb) {
    super(channel, kb);
  }

  @Override
  List<HostileCase> all() {
    knowledgeBaseCases();
    documentCases();
    uploadCases();
    return cases();
  }

  private void knowledgeBaseCases() {
    Supplier<CreateKnowledgeBaseRequest.Builder> valid = () -> CreateKnowledgeBaseRequest.newBuilder()
        .setName("gk-" + counter.incrementAndGet());
    create("name empty", valid.get().setName(""));
    create("name zero-width only", valid.get().setName(ZERO_WIDTH));
    create("name one over 63 characters", valid.get().setName(LONG_63));
    create("name uppercase", valid.get().setName("Hostile"));
    create("name '..'", valid.get().setName(".."));
    create("name taken", valid.get().setName(kb));
    create("description one over 10000 characters", valid.get().setDescription("d".repeat(10_001)));
    create("embedding_model unknown", valid.get().setEmbeddingModel("no-such-model"));
    create("chunk_size_tokens zero", valid.get().setChunkSizeTokens(0));
    create("chunk_size_tokens negative", valid.get().setChunkSizeTokens(-1));
    create("chunk_size_tokens huge", valid.get().setChunkSizeTokens(Integer.MAX_VALUE));
    create("chunk_overlap_tokens negative", valid.get().setChunkOverlapTokens(-1));
    create("chunk_overlap_tokens half the chunk size", valid.get().setChunkOverlapTokens(100));
    create("retrieval_mode unknown", valid.get().setRetrievalMode("psychic"));
    call("KnowledgeBases.Get name empty", () -> knowledgeBases().get(GetKnowledgeBaseRequest.newBuilder().setName("").build()));
    call("KnowledgeBases.Get name '..'", () -> knowledgeBases().get(GetKnowledgeBaseRequest.newBuilder().setName("..").build()));
    call("KnowledgeBases.Get name of 300 characters",
        () -> knowledgeBases().get(GetKnowledgeBaseRequest.newBuilder().setName("x".repeat(300)).build()));
    call("KnowledgeBases.Delete name empty", () -> knowledgeBases().delete(DeleteKnowledgeBaseRequest.newBuilder().setName("").build()));
    call("KnowledgeBases.Delete name '..'", () -> knowledgeBases().delete(DeleteKnowledgeBaseRequest.newBuilder().setName("..").build()));
    call("KnowledgeBases.Delete unknown", () -> knowledgeBases().delete(DeleteKnowledgeBaseRequest.newBuilder().setName("no-such-kb").build()));
  }

  private void create(String name, CreateKnowledgeBaseRequest.Builder request) {
    call("KnowledgeBases.Create " + name, () -> knowledgeBases().create(request.build()));
  }

  private void documentCases() {
    ingest("knowledge_base empty", "", document());
    ingest("knowledge_base unknown", "no-such-kb", document());
    call("Documents.Ingest without a document", () -> documents().ingest(IngestDocumentRequest.newBuilder().setKnowledgeBase(kb).build()));
    ingest("text empty", kb, document().setText(""));
    ingest("text zero-width only", kb, document().setText(ZERO_WIDTH));
    ingest("text over the document limit (150000 bytes)", kb, document().setText("y ".repeat(75_001)));
    ingest("a message over the gRPC message limit (300 KB)", kb, document().setText("y ".repeat(150_000)));
    ingest("title one over 2000 characters", kb, document().setTitle("t".repeat(2001)));
    for (String id : List.of("..", "../victim", "a/b", "a\u0000b", "i".repeat(201), ZERO_WIDTH)) {
      ingest("id " + label(id), kb, document().setId(id));
    }
    ingest("media_type image/png", kb, document().setMediaType("image/png"));
    ingest("media_type over 255 characters", kb, document().setMediaType("text/" + "x".repeat(251)));
    ingest("metadata with an empty key", kb, document().putMetadata("", "v"));
    ingest("metadata with a 256-character key", kb, document().putMetadata("k".repeat(256), "v"));
    ingest("metadata value one over 10000 characters", kb, document().putMetadata("team", "v".repeat(10_001)));
    DocumentInput.Builder manyKeys = document();
    for (int i = 0; i < 2000; i++) {
      manyKeys.putMetadata("k" + i, "v");
    }
    ingest("metadata with 2000 keys", kb, manyKeys);
    for (int[] range : new int[][] {{-1, 100}, {0, 0}, {0, -1}}) {
      call("Documents.List offset " + range[0] + " limit " + range[1], () -> documents().list(ListDocumentsRequest.newBuilder()
          .setKnowledgeBase(kb).setOffset(range[0]).setLimit(range[1]).build()));
    }
    for (String id : List.of("", "..", "a/b", "x".repeat(300))) {
      call("Documents.Get id " + label(id), () -> documents().get(GetDocumentRequest.newBuilder().setKnowledgeBase(Seed.VICTIM).setId(id).build()));
      call("Documents.Delete id " + label(id),
          () -> documents().delete(DeleteDocumentRequest.newBuilder().setKnowledgeBase(Seed.VICTIM).setId(id).build()));
    }
  }

  private void ingest(String name, String knowledgeBase, DocumentInput.Builder document) {
    call("Documents.Ingest " + name,
        () -> documents().ingest(IngestDocumentRequest.newBuilder().setKnowledgeBase(knowledgeBase).setDocument(document).build()));
  }

  private void uploadCases() {
    Supplier<UploadMetadata.Builder> meta = () -> UploadMetadata.newBuilder().setKnowledgeBase(kb)
        .setFilename("gu-" + counter.incrementAndGet() + ".txt");
    UploadRequest bytes = UploadRequest.newBuilder()
        .setChunk(ByteString.copyFrom(Seed.NONCE + " uploaded text", StandardCharsets.UTF_8)).build();
    upload("with no messages", List.of());
    upload("with bytes before the metadata", List.of(bytes, metadata(meta.get())));
    upload("with the metadata twice", List.of(metadata(meta.get()), metadata(meta.get()), bytes));
    upload("with metadata and no bytes", List.of(metadata(meta.get())));
    upload("with an empty message", List.of(metadata(meta.get()), UploadRequest.getDefaultInstance(), bytes));
    upload("of a PNG file", List.of(metadata(meta.get().setFilename("photo.png").setMediaType("image/png")), bytes));
    upload("to an unknown knowledge base", List.of(metadata(meta.get().setKnowledgeBase("no-such-kb")), bytes));
    upload("with knowledge_base empty", List.of(metadata(meta.get().setKnowledgeBase("")), bytes));
    upload("with id '..'", List.of(metadata(meta.get().setId("..")), bytes));
    upload("with id 'a/b'", List.of(metadata(meta.get().setId("a/b")), bytes));
    upload("with id of 201 characters", List.of(metadata(meta.get().setId("i".repeat(201))), bytes));
    upload("with title one over 2000 characters", List.of(metadata(meta.get().setTitle("t".repeat(2001))), bytes));
    upload("with a metadata value one over 10000 characters", List.of(metadata(meta.get().putMetadata("team", "v".repeat(10_001))), bytes));
    upload("of zero-width-only text",
        List.of(metadata(meta.get()), UploadRequest.newBuilder().setChunk(ByteString.copyFromUtf8(ZERO_WIDTH)).build()));
  }

  private static UploadRequest metadata(UploadMetadata.Builder metadata) {
    return UploadRequest.newBuilder().setMetadata(metadata).build();
  }

  private void upload(String name, List<UploadRequest> messages) {
    call("Documents.Upload " + name, () -> GrpcUpload.send(DocumentsGrpc.newStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS), messages));
  }
}
