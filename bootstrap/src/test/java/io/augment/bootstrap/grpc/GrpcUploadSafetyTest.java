package io.augment.bootstrap.grpc;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.v1.CreateKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.GetDocumentRequest;
import io.augment.adapter.in.grpc.v1.GetKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.IngestResult;
import io.augment.adapter.in.grpc.v1.KnowledgeBasesGrpc;
import io.augment.adapter.in.grpc.v1.UploadMetadata;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads that end early, carry nothing, or do not match what they declare store nothing and break no channel. */
@QuarkusTest
@Tag("shared-app")
class GrpcUploadSafetyTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Metadata.Key<String> FIELD = Metadata.Key.of("augment-field", Metadata.ASCII_STRING_MARSHALLER);
  private static final byte[] GUIDE = ("# Guide\n\n" + "The harbour opens at dawn and closes at dusk. ".repeat(200))
      .getBytes(StandardCharsets.UTF_8);

  @TestHTTPResource("/")
  URL server;

  private ManagedChannel channel;
  private KnowledgeBasesGrpc.KnowledgeBasesBlockingStub knowledgeBases;
  private DocumentsGrpc.DocumentsBlockingStub documents;

  @BeforeEach
  void connect() {
    channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    knowledgeBases = KnowledgeBasesGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    documents = DocumentsGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void refusesAnUploadThatSendsNoMessageAtAllAndStoresNothing() {
    String kb = newKnowledgeBase();
    CompletableFuture<IngestResult> reply = new CompletableFuture<>();
    DocumentsGrpc.newStub(channel).upload(StreamingUpload.replyInto(reply)).onCompleted();

    StatusRuntimeException refused = StreamingUpload.failureOf(reply);
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription()).contains("metadata");
    assertThat(refused.getTrailers().get(FIELD)).isEqualTo("metadata");
    assertThat(documentCount(kb)).isZero();
  }

  @Test
  void cancelledUploadStoresNothingAndTheChannelKeepsServingCallsAndUploads() throws Exception {
    String kb = newKnowledgeBase();
    cancelMidUpload(metadata(kb, "cancelled.md").build(), false);

    assertThat(code(() -> documents.get(GetDocumentRequest.newBuilder().setKnowledgeBase(kb).setId("cancelled").build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertTheChannelStillServesCallsAndUploads(kb);
  }

  /** grpc-js cancels by ending its half of the stream and then resetting it. */
  @Test
  void uploadCancelledAfterAHalfCloseStoresNothingWhenItDeclaredItsSizeAndBreaksNoOtherCall() throws Exception {
    String kb = newKnowledgeBase();
    cancelMidUpload(metadata(kb, "truncated.md").setSize(GUIDE.length).build(), true);

    assertThat(code(() -> documents.get(GetDocumentRequest.newBuilder().setKnowledgeBase(kb).setId("truncated").build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertTheChannelStillServesCallsAndUploads(kb);
  }

  private void assertTheChannelStillServesCallsAndUploads(String kb) {
    for (int i = 0; i < 30; i++) {
      assertThat(knowledgeBases.get(GetKnowledgeBaseRequest.newBuilder().setName(kb).build()).getName()).isEqualTo(kb);
    }
    List<StreamingUpload> uploads = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      uploads.add(new StreamingUpload(DocumentsGrpc.newStub(channel), metadata(kb, "guide-" + i + ".md").build())
          .send(GUIDE, 1024));
    }
    for (StreamingUpload upload : uploads) {
      assertThat(upload.finish().getOutcome()).isEqualTo("created");
    }
    assertThat(documentCount(kb)).isEqualTo(10);
  }

  @Test
  void refusesAnUploadShorterThanItsDeclaredSizeAndStoresNothing() {
    String kb = newKnowledgeBase();
    StatusRuntimeException refused = failure(() -> new StreamingUpload(DocumentsGrpc.newStub(channel),
        metadata(kb, "short.md").setSize(GUIDE.length + 10L).build()).send(GUIDE, 4096).finish());

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription()).contains(Integer.toString(GUIDE.length)).contains("size");
    assertThat(refused.getTrailers().get(FIELD)).isEqualTo("metadata.size");
    assertThat(documentCount(kb)).isZero();
  }

  @Test
  void refusesAnUploadWhoseBytesDoNotHashToTheDeclaredSha256AndStoresNothing() {
    String kb = newKnowledgeBase();
    byte[] other = GUIDE.clone();
    other[20] = 'X';
    StatusRuntimeException refused = failure(() -> new StreamingUpload(DocumentsGrpc.newStub(channel),
        metadata(kb, "altered.md").setSha256(sha256(GUIDE)).build()).send(other, 4096).finish());

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription()).contains("SHA-256");
    assertThat(refused.getTrailers().get(FIELD)).isEqualTo("metadata.sha256");
    assertThat(documentCount(kb)).isZero();
  }

  @Test
  void storesAnUploadThatMatchesItsDeclaredSizeAndSha256() {
    String kb = newKnowledgeBase();
    IngestResult stored = new StreamingUpload(DocumentsGrpc.newStub(channel),
        metadata(kb, "verified.md").setSize(GUIDE.length).setSha256(sha256(GUIDE).toUpperCase()).build())
        .send(GUIDE, 4096).finish();
    assertThat(stored.getOutcome()).isEqualTo("created");
    assertThat(documentCount(kb)).isEqualTo(1);
  }

  @Test
  void refusesADeclaredSizeOverTheLimitAtTheFirstMessage() {
    String kb = newKnowledgeBase();
    StatusRuntimeException refused = failure(() -> new StreamingUpload(DocumentsGrpc.newStub(channel),
        metadata(kb, "huge.md").setSize(5_000_000_000L).build()).await());
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refused.getStatus().getDescription()).contains("200000");
  }

  /** Sends the metadata and part of the file, then cancels as a client that gives up would. */
  private void cancelMidUpload(UploadMetadata metadata, boolean halfCloseFirst) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    List<ClientCallStreamObserver<UploadRequest>> call = new ArrayList<>();
    DocumentsGrpc.newStub(channel).upload(new ClientResponseObserver<UploadRequest, IngestResult>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<UploadRequest> requests) {
        call.add(requests);
        started.countDown();
      }

      @Override
      public void onNext(IngestResult value) {}

      @Override
      public void onError(Throwable error) {
        closed.countDown();
      }

      @Override
      public void onCompleted() {
        closed.countDown();
      }
    });
    started.await();
    ClientCallStreamObserver<UploadRequest> requests = call.get(0);
    requests.onNext(UploadRequest.newBuilder().setMetadata(metadata).build());
    for (int i = 0; i < 5; i++) {
      requests.onNext(UploadRequest.newBuilder().setChunk(ByteString.copyFrom(GUIDE, i * 1024, 1024)).build());
    }
    if (halfCloseFirst) {
      requests.onCompleted();
    } else {
      Thread.sleep(300); // let the server read the pieces before the cancel arrives
    }
    requests.cancel("the user gave up", null);
    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(500); // a server that wrongly ingested the truncated file would have done so by now
  }

  private String newKnowledgeBase() {
    String name = "grpc-safety-" + COUNTER.incrementAndGet();
    knowledgeBases.create(CreateKnowledgeBaseRequest.newBuilder().setName(name).build());
    return name;
  }

  private long documentCount(String kb) {
    return knowledgeBases.get(GetKnowledgeBaseRequest.newBuilder().setName(kb).build()).getDocuments();
  }

  private static UploadMetadata.Builder metadata(String kb, String filename) {
    return UploadMetadata.newBuilder().setKnowledgeBase(kb).setFilename(filename);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static StatusRuntimeException failure(Runnable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).as("the call should fail with a gRPC status").isNotNull();
    return e;
  }

  private static Status.Code code(Runnable call) {
    return failure(call).getStatus().getCode();
  }
}
