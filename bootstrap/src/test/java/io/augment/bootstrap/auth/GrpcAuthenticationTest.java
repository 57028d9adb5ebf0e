package io.augment.bootstrap.auth;

import org.junit.jupiter.api.Tag;
import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.v1.AdminGrpc;
import io.augment.adapter.in.grpc.v1.CreateKeyRequest;
import io.augment.adapter.in.grpc.v1.CreateKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.CreateTenantRequest;
import io.augment.adapter.in.grpc.v1.CreatedKey;
import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.IngestResult;
import io.augment.adapter.in.grpc.v1.KnowledgeBasesGrpc;
import io.augment.adapter.in.grpc.v1.ListAuditRequest;
import io.augment.adapter.in.grpc.v1.ListKeysRequest;
import io.augment.adapter.in.grpc.v1.ListKnowledgeBasesRequest;
import io.augment.adapter.in.grpc.v1.Quotas;
import io.augment.adapter.in.grpc.v1.RevokeKeyRequest;
import io.augment.adapter.in.grpc.v1.UploadMetadata;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Keys on gRPC: metadata in, UNAUTHENTICATED / PERMISSION_DENIED / RESOURCE_EXHAUSTED out, the admin service. */
@QuarkusTest
@Tag("shared-auth")
@TestProfile(AuthOn.class)
class GrpcAuthenticationTest {
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER);

  @TestHTTPResource("/")
  URL server;

  private ManagedChannel channel;

  @BeforeEach
  void connect() {
    Keys.operator();
    channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void aCallWithoutAKeyOrWithABadOneIsUnauthenticated() {
    assertThat(code(() -> KnowledgeBasesGrpc.newBlockingStub(channel).list(ListKnowledgeBasesRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(code(() -> knowledgeBases(bearer("aug_ffffffffffffffff_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .list(ListKnowledgeBasesRequest.getDefaultInstance()))).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void theKeyReachesBlockingMethodsOnWorkerThreadsAsBearerOrXApiKey() {
    knowledgeBases(bearer(AuthOn.ADMIN_KEY)).list(ListKnowledgeBasesRequest.getDefaultInstance());
    Metadata apiKey = new Metadata();
    apiKey.put(API_KEY, AuthOn.ADMIN_KEY);
    String kb = "grpc-" + suffix();
    knowledgeBases(apiKey).create(CreateKnowledgeBaseRequest.newBuilder().setName(kb).build());
    assertThat(knowledgeBases(apiKey).list(ListKnowledgeBasesRequest.getDefaultInstance()).getKnowledgeBasesList())
        .anySatisfy(k -> assertThat(k.getName()).isEqualTo(kb));
  }

  @Test
  void aStreamedUploadIsIngestedIntoTheCallersOwnTenant() throws Exception {
    String tenant = "uploader-" + suffix();
    admin(bearer(AuthOn.ADMIN_KEY)).createTenant(CreateTenantRequest.newBuilder().setId(tenant).build());
    String write = (String) Keys.create(tenant, "write", null).get("key");
    String kb = "up-" + suffix();
    knowledgeBases(bearer(write)).create(CreateKnowledgeBaseRequest.newBuilder().setName(kb).build());
    CompletableFuture<IngestResult> reply = new CompletableFuture<>();
    StreamObserver<UploadRequest> upload = DocumentsGrpc.newStub(with(bearer(write))).upload(new StreamObserver<>() {
      @Override
      public void onNext(IngestResult value) {
        reply.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        reply.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    });
    upload.onNext(UploadRequest.newBuilder().setMetadata(UploadMetadata.newBuilder().setKnowledgeBase(kb)
        .setFilename("tides.txt")).build());
    upload.onNext(UploadRequest.newBuilder().setChunk(ByteString.copyFrom("Tides follow the Moon.", StandardCharsets.UTF_8))
        .build());
    upload.onCompleted();
    assertThat(reply.get(60, TimeUnit.SECONDS).getOutcome()).isEqualTo("created");
  }

  @Test
  void aReadKeyListsButCannotCreateAndAWriteKeyCannotAdminister() {
    String read = Keys.of("read");
    knowledgeBases(bearer(read)).list(ListKnowledgeBasesRequest.getDefaultInstance());
    assertThat(code(() -> knowledgeBases(bearer(read)).create(CreateKnowledgeBaseRequest.newBuilder()
        .setName("nope-" + suffix()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);

    String write = Keys.of("write");
    assertThat(code(() -> admin(bearer(write)).listKeys(ListKeysRequest.newBuilder().setTenant("default").build())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void theAdminServiceCreatesListsAndRevokesKeys() {
    AdminGrpc.AdminBlockingStub admin = admin(bearer(AuthOn.ADMIN_KEY));
    CreatedKey created = admin.createKey(CreateKeyRequest.newBuilder().setTenant("default").setName("grpc")
        .setScope("read").build());
    assertThat(created.getKey()).startsWith(created.getRecord().getPrefix() + "_");
    knowledgeBases(bearer(created.getKey())).list(ListKnowledgeBasesRequest.getDefaultInstance());

    String listed = admin.listKeys(ListKeysRequest.newBuilder().setTenant("default").build()).toString();
    assertThat(listed).contains(created.getRecord().getId()).doesNotContain(created.getKey());

    admin.revokeKey(RevokeKeyRequest.newBuilder().setTenant("default").setKeyId(created.getRecord().getId()).build());
    assertThat(code(() -> knowledgeBases(bearer(created.getKey())).list(ListKnowledgeBasesRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.UNAUTHENTICATED);

    StatusRuntimeException bad = catchThrowableOfType(StatusRuntimeException.class, () -> admin.createKey(
        CreateKeyRequest.newBuilder().setTenant("default").setName("x").setScope("root").build()));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(bad.getTrailers().get(Metadata.Key.of("augment-field", Metadata.ASCII_STRING_MARSHALLER)))
        .isEqualTo("scope");
  }

  @Test
  void theRateQuotaIsResourceExhaustedWithRetryAfter() {
    String id = "grpc-slow-" + suffix();
    AdminGrpc.AdminBlockingStub admin = admin(bearer(AuthOn.ADMIN_KEY));
    admin.createTenant(CreateTenantRequest.newBuilder().setId(id)
        .setQuotas(Quotas.newBuilder().setRequestsPerSecond(0.2)).build());
    String key = admin.createKey(CreateKeyRequest.newBuilder().setTenant(id).setName("slow").setScope("read").build())
        .getKey();
    code(() -> knowledgeBases(bearer(key)).list(ListKnowledgeBasesRequest.getDefaultInstance()));
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> knowledgeBases(bearer(key)).list(ListKnowledgeBasesRequest.getDefaultInstance()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(Long.parseLong(refused.getTrailers().get(RETRY_AFTER))).isPositive();
  }

  @Test
  void writesAreAuditedWithTheKeyPrefixAndStatusButReadsAreNot() {
    CreatedKey writer = admin(bearer(AuthOn.ADMIN_KEY)).createKey(CreateKeyRequest.newBuilder().setTenant("default")
        .setName("auditor").setScope("write").build());
    String kb = "audited-" + suffix();
    knowledgeBases(bearer(writer.getKey())).create(CreateKnowledgeBaseRequest.newBuilder().setName(kb).build());
    knowledgeBases(bearer(writer.getKey())).list(ListKnowledgeBasesRequest.getDefaultInstance());
    code(() -> knowledgeBases(bearer(writer.getKey())).create(CreateKnowledgeBaseRequest.newBuilder().setName(kb).build()));

    var entries = admin(bearer(AuthOn.ADMIN_KEY)).listAudit(ListAuditRequest.newBuilder().setLimit(1000).build())
        .getEntriesList().stream().filter(e -> e.getKeyPrefix().equals(writer.getRecord().getPrefix())).toList();
    assertThat(entries).extracting(e -> e.getAction() + " " + e.getOutcome())
        .containsExactly("Create " + Status.Code.OK.value(), "Create " + Status.Code.ALREADY_EXISTS.value());
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.getProtocol()).isEqualTo("grpc");
      assertThat(e.getResource()).isEqualTo("augment.v1.KnowledgeBases/Create");
      assertThat(e.getTenant()).isEqualTo("default");
    });
  }

  private KnowledgeBasesGrpc.KnowledgeBasesBlockingStub knowledgeBases(Metadata metadata) {
    return KnowledgeBasesGrpc.newBlockingStub(with(metadata)).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  private AdminGrpc.AdminBlockingStub admin(Metadata metadata) {
    return AdminGrpc.newBlockingStub(with(metadata)).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  private Channel with(Metadata metadata) {
    return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(metadata));
  }

  private static Metadata bearer(String key) {
    Metadata metadata = new Metadata();
    metadata.put(AUTHORIZATION, "Bearer " + key);
    return metadata;
  }

  private static Status.Code code(Runnable call) {
    try {
      call.run();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
