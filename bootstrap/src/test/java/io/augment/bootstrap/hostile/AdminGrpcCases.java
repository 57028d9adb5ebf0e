package io.augment.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.Timestamp;
import io.augment.adapter.in.grpc.v1.AdminGrpc;
import io.augment.adapter.in.grpc.v1.CreateKeyRequest;
import io.augment.adapter.in.grpc.v1.CreateTenantRequest;
import io.augment.adapter.in.grpc.v1.DeleteTenantRequest;
import io.augment.adapter.in.grpc.v1.GetTenantRequest;
import io.augment.adapter.in.grpc.v1.ListAuditRequest;
import io.augment.adapter.in.grpc.v1.ListKeysRequest;
import io.augment.adapter.in.grpc.v1.Quotas;
import io.augment.adapter.in.grpc.v1.RevokeKeyRequest;
import io.augment.adapter.in.grpc.v1.UpdateQuotasRequest;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The admin battery over gRPC with the operator's key: each must fail with a client-error status,
 * and an INVALID_ARGUMENT must name the field in the {@code augment-field} trailer.
 */
final class AdminGrpcCases {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> FIELD = Metadata.Key.of("augment-field", Metadata.ASCII_STRING_MARSHALLER);
  private static final List<String> BAD_IDS = List.of("", " ", "UPPER", "-lead", "trail-", "a_b", "a.b", "a/b", "..",
      "a".repeat(33), "\u00fcber", "a\u0000b", "default ");

  private final Channel channel;
  private final String operatorKey;
  private final AdminWorld world;
  private final AtomicInteger fresh = new AtomicInteger();
  private final List<HostileCase> cases = new ArrayList<>();

  AdminGrpcCases(Channel channel, String operatorKey, AdminWorld world) {
    this.channel = channel;
    this.operatorKey = operatorKey;
    this.world = world;
  }

  List<HostileCase> all() {
    for (String id : BAD_IDS) {
      String label = AdminRestCases.label(id);
      call("CreateTenant: id " + label, "id", () -> admin().createTenant(tenant().setId(id).build()));
      call("GetTenant: id " + label, "id", () -> admin().getTenant(GetTenantRequest.newBuilder().setId(id).build()));
      call("DeleteTenant: id " + label, "id", () -> admin().deleteTenant(DeleteTenantRequest.newBuilder().setId(id).build()));
      call("UpdateQuotas: id " + label, "id", () -> admin().updateQuotas(UpdateQuotasRequest.newBuilder().setId(id)
          .setQuotas(quotas()).build()));
      call("CreateKey: tenant " + label, "tenant", () -> admin().createKey(key().setTenant(id).build()));
      call("ListKeys: tenant " + label, "tenant", () -> admin().listKeys(ListKeysRequest.newBuilder().setTenant(id).build()));
      call("RevokeKey: tenant " + label, "tenant", () -> admin().revokeKey(RevokeKeyRequest.newBuilder().setTenant(id)
          .setKeyId(world.victimKeyId()).build()));
      if (!id.isBlank()) { // a blank tenant is no filter
        call("ListAudit: tenant " + label, "tenant", () -> admin().listAudit(ListAuditRequest.newBuilder().setTenant(id)
            .build()));
      }
    }
    call("CreateTenant: the victim again", null, () -> admin().createTenant(tenant().setId(world.victim()).build()));
    call("DeleteTenant: the operator's tenant", "id", () -> admin().deleteTenant(DeleteTenantRequest.newBuilder()
        .setId("default").build()));
    call("CreateTenant: displayName of 201 characters", "displayName",
        () -> admin().createTenant(tenant().setDisplayName("d".repeat(201)).build()));
    call("CreateTenant: a 5 MB displayName (over the message limit)", null,
        () -> admin().createTenant(tenant().setDisplayName("d".repeat(5_000_000)).build()));
    quotaCases();
    keyCases();
    for (String id : List.of("", "..", "ABCDEF0123456789", "0123456789abcde", "0123456789abcdef0", "zzzzzzzzzzzzzzzz",
        world.victimKeyId() + "\u0000", world.victimKeyId() + " ", "../" + world.otherKeyId())) {
      call("RevokeKey: key id " + AdminRestCases.label(id), null, () -> admin().revokeKey(RevokeKeyRequest.newBuilder()
          .setTenant(world.victim()).setKeyId(id).build()));
    }
    notFound("RevokeKey: the other tenant's key through the victim", () -> admin().revokeKey(RevokeKeyRequest.newBuilder()
        .setTenant(world.victim()).setKeyId(world.otherKeyId()).build()));
    notFound("RevokeKey: the operator's key through the victim", () -> admin().revokeKey(RevokeKeyRequest.newBuilder()
        .setTenant(world.victim()).setKeyId(world.operatorKeyId()).build()));
    notFound("RevokeKey: the victim's key through the other tenant", () -> admin().revokeKey(RevokeKeyRequest.newBuilder()
        .setTenant(world.other()).setKeyId(world.victimKeyId()).build()));
    for (int limit : new int[] {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      call("ListAudit: limit " + limit, "limit", () -> admin().listAudit(ListAuditRequest.newBuilder().setLimit(limit).build()));
    }
    for (long after : new long[] {-1, Long.MIN_VALUE}) {
      call("ListAudit: after " + after, "after", () -> admin().listAudit(ListAuditRequest.newBuilder().setAfter(after).build()));
    }
    return cases;
  }

  private void quotaCases() {
    List<Named<UnaryOperator<Quotas.Builder>>> bad = List.of(
        new Named<>("maxDocuments", "-1", q -> q.setMaxDocuments(-1)),
        new Named<>("maxDocuments", "1000000001", q -> q.setMaxDocuments(1_000_000_001L)),
        new Named<>("maxDocuments", "Long.MAX_VALUE", q -> q.setMaxDocuments(Long.MAX_VALUE)),
        new Named<>("maxDocuments", "Long.MIN_VALUE", q -> q.setMaxDocuments(Long.MIN_VALUE)),
        new Named<>("maxConcurrentJobs", "-1", q -> q.setMaxConcurrentJobs(-1)),
        new Named<>("maxConcurrentJobs", "10001", q -> q.setMaxConcurrentJobs(10_001)),
        new Named<>("maxConcurrentJobs", "Integer.MIN_VALUE", q -> q.setMaxConcurrentJobs(Integer.MIN_VALUE)),
        new Named<>("requestsPerSecond", "0", q -> q.setRequestsPerSecond(0)),
        new Named<>("requestsPerSecond", "-0.0", q -> q.setRequestsPerSecond(-0.0)),
        new Named<>("requestsPerSecond", "-1", q -> q.setRequestsPerSecond(-1)),
        new Named<>("requestsPerSecond", "NaN", q -> q.setRequestsPerSecond(Double.NaN)),
        new Named<>("requestsPerSecond", "Infinity", q -> q.setRequestsPerSecond(Double.POSITIVE_INFINITY)),
        new Named<>("requestsPerSecond", "-Infinity", q -> q.setRequestsPerSecond(Double.NEGATIVE_INFINITY)),
        new Named<>("requestsPerSecond", "1e7", q -> q.setRequestsPerSecond(1e7)));
    for (Named<UnaryOperator<Quotas.Builder>> q : bad) {
      call("CreateTenant: quotas." + q.field() + " " + q.label(), "quotas." + q.field(),
          () -> admin().createTenant(tenant().setQuotas(q.value().apply(quotas())).build()));
      call("UpdateQuotas: victim quotas." + q.field() + " " + q.label(), "quotas." + q.field(),
          () -> admin().updateQuotas(UpdateQuotasRequest.newBuilder().setId(world.victim())
              .setQuotas(q.value().apply(quotas())).build()));
    }
    notFound("UpdateQuotas: a tenant that does not exist", () -> admin().updateQuotas(UpdateQuotasRequest.newBuilder()
        .setId("hv-none-" + fresh.incrementAndGet()).setQuotas(quotas()).build()));
  }

  private void keyCases() {
    for (String scope : List.of("", " ", "ADMIN", "Read", " read", "root", "read,write", "*")) {
      call("CreateKey: scope " + AdminRestCases.label(scope), "scope",
          () -> admin().createKey(key().setScope(scope).build()));
    }
    call("CreateKey: name of 201 characters", "name", () -> admin().createKey(key().setName("n".repeat(201)).build()));
    List<Named<Timestamp>> expiries = List.of(
        new Named<>("expiresAt", "in 2000", Timestamp.newBuilder().setSeconds(946_684_800L).build()),
        new Named<>("expiresAt", "the epoch", Timestamp.getDefaultInstance()),
        new Named<>("expiresAt", "nanos -1", Timestamp.newBuilder().setSeconds(4_102_444_800L).setNanos(-1).build()),
        new Named<>("expiresAt", "nanos 1e9", Timestamp.newBuilder().setSeconds(4_102_444_800L).setNanos(1_000_000_000)
            .build()),
        new Named<>("expiresAt", "seconds Long.MAX_VALUE", Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build()),
        new Named<>("expiresAt", "seconds Long.MIN_VALUE", Timestamp.newBuilder().setSeconds(Long.MIN_VALUE).build()),
        new Named<>("expiresAt", "in the year 10000", Timestamp.newBuilder().setSeconds(253_402_300_800L).build()),
        new Named<>("expiresAt", "Instant.MAX", Timestamp.newBuilder().setSeconds(31_556_889_864_403_199L)
            .setNanos(999_999_999).build()));
    for (Named<Timestamp> at : expiries) {
      call("CreateKey: expiresAt " + at.label(), "expiresAt", () -> admin().createKey(key().setExpiresAt(at.value()).build()));
    }
    notFound("CreateKey: a tenant that does not exist", () -> admin().createKey(key()
        .setTenant("hv-none-" + fresh.incrementAndGet()).build()));
  }

  private record Named<T>(String field, String label, T value) {}

  private CreateTenantRequest.Builder tenant() {
    return CreateTenantRequest.newBuilder().setId("hv-grpc-" + fresh.incrementAndGet() + "-" + world.victim().substring(10))
        .setDisplayName("New team").setQuotas(quotas());
  }

  private static Quotas.Builder quotas() {
    return Quotas.newBuilder().setMaxDocuments(50).setMaxConcurrentJobs(2).setRequestsPerSecond(500);
  }

  private CreateKeyRequest.Builder key() {
    return CreateKeyRequest.newBuilder().setTenant(world.victim()).setName("battery key").setScope("read")
        .setExpiresAt(Timestamp.newBuilder().setSeconds(4_102_444_800L));
  }

  private AdminGrpc.AdminBlockingStub admin() {
    Metadata key = new Metadata();
    key.put(AUTHORIZATION, "Bearer " + operatorKey);
    return AdminGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(key))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  /** A client-error status; with {@code field}, INVALID_ARGUMENT naming it in its trailer. */
  private void call(String name, String field, Supplier<Object> call) {
    cases.add(new HostileCase("gRPC Admin/" + name, () -> {
      StatusRuntimeException refused = refusal(call);
      Expect.grpcRefusal(refused.getStatus());
      if (field != null) {
        assertThat(refused.getStatus().getCode()).as("%s", refused.getStatus()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        String named = refused.getTrailers() == null ? null : refused.getTrailers().get(FIELD);
        assertThat(named).as("augment-field of %s", refused.getStatus()).isEqualTo(field);
      }
    }));
  }

  private void notFound(String name, Supplier<Object> call) {
    cases.add(new HostileCase("gRPC Admin/" + name, () -> {
      Status status = refusal(call).getStatus();
      assertThat(status.getCode()).as("%s", status).isEqualTo(Status.Code.NOT_FOUND);
      Expect.grpcRefusal(status);
    }));
  }

  private static StatusRuntimeException refusal(Supplier<Object> call) {
    Object reply;
    try {
      reply = call.get();
    } catch (StatusRuntimeException e) {
      return e;
    }
    String text = String.valueOf(reply).replace('\n', ' ');
    return fail("expected a refusal, got OK: %s", text.length() > 200 ? text.substring(0, 200) : text);
  }
}
