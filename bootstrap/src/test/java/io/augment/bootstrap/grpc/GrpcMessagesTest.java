package io.augment.bootstrap.grpc;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.v1.CreateKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DocumentInput;
import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.GetKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.IngestDocumentRequest;
import io.augment.adapter.in.grpc.v1.KnowledgeBasesGrpc;
import io.augment.adapter.in.grpc.v1.UploadMetadata;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the transport accepts per message, and status messages as they travel on the wire. */
@QuarkusTest
@Tag("shared-app")
class GrpcMessagesTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  @TestHTTPResource("/")
  URL server;

  @Inject
  Vertx vertx;

  private ManagedChannel channel;
  private KnowledgeBasesGrpc.KnowledgeBasesBlockingStub knowledgeBases;

  @BeforeEach
  void connect() {
    channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    knowledgeBases = KnowledgeBasesGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void deliversAMessageOfOneMebibyteToTheServiceWhichAnswersAboutItsOwnRules() {
    String kb = newKnowledgeBase();
    byte[] piece = new byte[1024 * 1024]; // four times what Vert.x accepts by default
    StatusRuntimeException refused = uploadFailure(UploadMetadata.newBuilder().setKnowledgeBase(kb)
        .setFilename("big.txt").setSize(10).build(), piece);

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription()).contains("declared 10 bytes");
  }

  @Test
  void refusesAMessageOverFourMebibytesNamingTheLimitAndItsKey() {
    String kb = newKnowledgeBase();
    StatusRuntimeException refused = uploadFailure(UploadMetadata.newBuilder().setKnowledgeBase(kb)
        .setFilename("huge.txt").build(), new byte[4 * 1024 * 1024 + 1]);

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refused.getStatus().getDescription())
        .contains("4194304").contains("quarkus.grpc.server.max-inbound-message-size");
    assertThat(knowledgeBases.get(GetKnowledgeBaseRequest.newBuilder().setName(kb).build()).getDocuments()).isZero();
  }

  @Test
  void sendsTheStatusMessageAsPlainTextInTheRawGrpcMessageTrailer() throws Exception {
    String kb = newKnowledgeBase();
    byte[] request = IngestDocumentRequest.newBuilder().setKnowledgeBase(kb)
        .setDocument(DocumentInput.newBuilder().setId("empty").setText(" ")).build().toByteArray();

    HttpClientResponse response = rawCall("/augment.v1.Documents/Ingest", request);
    String status = header(response, "grpc-status");
    String message = header(response, "grpc-message");

    assertThat(status).isEqualTo(Integer.toString(Status.Code.INVALID_ARGUMENT.value()));
    assertThat(message).startsWith("text").contains(": ").contains(" ").doesNotContain("%").doesNotContain("Exception");
  }

  @Test
  void describesAnUnknownKnowledgeBaseWithoutJavaTypeNames() {
    StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class, () ->
        knowledgeBases.get(GetKnowledgeBaseRequest.newBuilder().setName("grpc-messages-missing").build()));
    assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(missing.getStatus().getDescription()).contains("grpc-messages-missing")
        .doesNotContain("Exception").doesNotContain("io.augment");
  }

  private StatusRuntimeException uploadFailure(UploadMetadata metadata, byte[] piece) {
    CompletableFuture<io.augment.adapter.in.grpc.v1.IngestResult> reply = new CompletableFuture<>();
    var requests = DocumentsGrpc.newStub(channel).upload(StreamingUpload.replyInto(reply));
    requests.onNext(UploadRequest.newBuilder().setMetadata(metadata).build());
    requests.onNext(UploadRequest.newBuilder().setChunk(ByteString.copyFrom(piece)).build());
    requests.onCompleted();
    return StreamingUpload.failureOf(reply);
  }

  /** One unary call over a raw HTTP/2 (h2c) connection, so the headers and trailers are seen as sent. */
  private HttpClientResponse rawCall(String path, byte[] message) throws Exception {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions()
        .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
    try {
      Buffer frame = Buffer.buffer().appendByte((byte) 0).appendInt(message.length).appendBytes(message);
      return client.request(HttpMethod.POST, server.getPort(), server.getHost(), path)
          .compose(request -> request.putHeader("content-type", "application/grpc").putHeader("te", "trailers")
              .send(frame))
          .compose(response -> response.body().map(ignored -> response))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      client.close();
    }
  }

  /** A trailers-only answer carries the status in its headers, any other in its trailers. */
  private static String header(HttpClientResponse response, String name) {
    String value = response.getHeader(name);
    return value != null ? value : response.getTrailer(name);
  }

  private String newKnowledgeBase() {
    String name = "grpc-messages-" + COUNTER.incrementAndGet();
    knowledgeBases.create(CreateKnowledgeBaseRequest.newBuilder().setName(name).build());
    return name;
  }
}
