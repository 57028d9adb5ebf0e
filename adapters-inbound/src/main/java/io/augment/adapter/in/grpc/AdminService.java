package io.augment.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.grpc.v1.Admin;
import io.augment.adapter.in.grpc.v1.ApiKey;
import io.augment.adapter.in.grpc.v1.AuditEntry;
import io.augment.adapter.in.grpc.v1.CreateKeyRequest;
import io.augment.adapter.in.grpc.v1.CreateTenantRequest;
import io.augment.adapter.in.grpc.v1.CreatedKey;
import io.augment.adapter.in.grpc.v1.DeleteTenantRequest;
import io.augment.adapter.in.grpc.v1.DeleteTenantResponse;
import io.augment.adapter.in.grpc.v1.GetTenantRequest;
import io.augment.adapter.in.grpc.v1.ListAuditRequest;
import io.augment.adapter.in.grpc.v1.ListAuditResponse;
import io.augment.adapter.in.grpc.v1.ListKeysRequest;
import io.augment.adapter.in.grpc.v1.ListKeysResponse;
import io.augment.adapter.in.grpc.v1.ListTenantsRequest;
import io.augment.adapter.in.grpc.v1.ListTenantsResponse;
import io.augment.adapter.in.grpc.v1.Quotas;
import io.augment.adapter.in.grpc.v1.RevokeKeyRequest;
import io.augment.adapter.in.grpc.v1.Tenant;
import io.augment.adapter.in.grpc.v1.UpdateQuotasRequest;
import io.augment.application.tenant.AuditTrail;
import io.augment.application.tenant.ManageTenants;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;

/** The admin API over gRPC; the checks are {@link ManageTenants}' and {@link AuditTrail}'s, as on REST. */
@GrpcService
@Blocking
public class AdminService implements Admin {
  private static final int DEFAULT_AUDIT_PAGE = 100;
  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range of google.protobuf.Timestamp. */
  private static final long MIN_TIMESTAMP = -62_135_596_800L;
  private static final long MAX_TIMESTAMP = 253_402_300_799L;

  private final ManageTenants tenants;
  private final AuditTrail audit;
  private final CurrentWorkspace current;

  public AdminService(ManageTenants tenants, AuditTrail audit, CurrentWorkspace current) {
    this.tenants = tenants;
    this.audit = audit;
    this.current = current;
  }

  @Override
  public Uni<Tenant> createTenant(CreateTenantRequest r) {
    var quotas = r.hasQuotas() ? quotas(r.getQuotas(), "quotas.") : io.augment.domain.tenant.Quotas.UNLIMITED;
    return Uni.createFrom().item(tenant(tenants.create(current.principal(), r.getId(), r.getDisplayName(), quotas)));
  }

  @Override
  public Uni<ListTenantsResponse> listTenants(ListTenantsRequest r) {
    return Uni.createFrom().item(ListTenantsResponse.newBuilder()
        .addAllTenants(tenants.list(current.principal()).stream().map(AdminService::tenant).toList()).build());
  }

  @Override
  public Uni<Tenant> getTenant(GetTenantRequest r) {
    return Uni.createFrom().item(tenant(tenants.get(current.principal(), r.getId())));
  }

  @Override
  public Uni<DeleteTenantResponse> deleteTenant(DeleteTenantRequest r) {
    tenants.delete(current.principal(), r.getId());
    return Uni.createFrom().item(DeleteTenantResponse.getDefaultInstance());
  }

  @Override
  public Uni<Tenant> updateQuotas(UpdateQuotasRequest r) {
    var quotas = r.hasQuotas() ? quotas(r.getQuotas(), "quotas.") : io.augment.domain.tenant.Quotas.UNLIMITED;
    return Uni.createFrom().item(tenant(tenants.updateQuotas(current.principal(), r.getId(), quotas)));
  }

  @Override
  public Uni<CreatedKey> createKey(CreateKeyRequest r) {
    Limits.atMost("name", r.getName(), io.augment.domain.tenant.ApiKey.MAX_NAME);
    Optional<Instant> expiry = r.hasExpiresAt() ? Optional.of(instant(r.getExpiresAt())) : Optional.empty();
    var created = tenants.createKey(current.principal(), r.getTenant(), r.getName(), r.getScope(), expiry);
    return Uni.createFrom().item(CreatedKey.newBuilder().setRecord(key(created.key())).setKey(created.secret()).build());
  }

  @Override
  public Uni<ListKeysResponse> listKeys(ListKeysRequest r) {
    return Uni.createFrom().item(ListKeysResponse.newBuilder()
        .addAllKeys(tenants.listKeys(current.principal(), r.getTenant()).stream().map(AdminService::key).toList())
        .build());
  }

  @Override
  public Uni<ApiKey> revokeKey(RevokeKeyRequest r) {
    return Uni.createFrom().item(key(tenants.revokeKey(current.principal(), r.getTenant(), r.getKeyId())));
  }

  @Override
  public Uni<ListAuditResponse> listAudit(ListAuditRequest r) {
    int limit = r.hasLimit() ? r.getLimit() : DEFAULT_AUDIT_PAGE;
    var entries = audit.list(current.principal(), Optional.of(r.getTenant()), r.getAfter(), limit);
    return Uni.createFrom().item(ListAuditResponse.newBuilder()
        .addAllEntries(entries.stream().map(AdminService::entry).toList()).build());
  }

  private static io.augment.domain.tenant.Quotas quotas(Quotas q, String prefix) {
    try {
      return new io.augment.domain.tenant.Quotas(q.hasMaxDocuments() ? q.getMaxDocuments() : null,
          q.hasMaxConcurrentJobs() ? q.getMaxConcurrentJobs() : null,
          q.hasRequestsPerSecond() ? q.getRequestsPerSecond() : null);
    } catch (InvalidInputException e) {
      String field = e.field() == null ? null : e.field().replace("quotas.", prefix);
      throw e.withField(field);
    }
  }

  private static Tenant tenant(io.augment.domain.tenant.Tenant t) {
    var q = t.quotas();
    Quotas.Builder quotas = Quotas.newBuilder();
    if (q.maxDocuments() != null) {
      quotas.setMaxDocuments(q.maxDocuments());
    }
    if (q.maxConcurrentJobs() != null) {
      quotas.setMaxConcurrentJobs(q.maxConcurrentJobs());
    }
    if (q.requestsPerSecond() != null) {
      quotas.setRequestsPerSecond(q.requestsPerSecond());
    }
    return Tenant.newBuilder().setId(t.id().value()).setDisplayName(t.displayName()).setQuotas(quotas)
        .setCreatedAt(timestamp(t.createdAt())).build();
  }

  private static ApiKey key(io.augment.domain.tenant.ApiKey k) {
    ApiKey.Builder b = ApiKey.newBuilder().setId(k.id()).setPrefix(k.prefix()).setTenant(k.tenant().value())
        .setName(k.name()).setScope(k.scope().wire()).setCreatedAt(timestamp(k.createdAt()));
    k.expiresAt().ifPresent(at -> b.setExpiresAt(timestamp(at)));
    k.revokedAt().ifPresent(at -> b.setRevokedAt(timestamp(at)));
    return b.build();
  }

  private static AuditEntry entry(io.augment.domain.tenant.AuditEntry e) {
    return AuditEntry.newBuilder().setSequence(e.sequence()).setAt(timestamp(e.at())).setTenant(e.tenant().value())
        .setKeyPrefix(e.keyPrefix()).setProtocol(e.protocol()).setAction(e.action()).setResource(e.resource())
        .setOutcome(e.outcome()).build();
  }

  /** A protobuf Timestamp is valid from year 1 to 9999 (seconds past that would not even make an Instant). */
  private static Instant instant(Timestamp t) {
    if (t.getNanos() < 0 || t.getNanos() > 999_999_999 || t.getSeconds() < MIN_TIMESTAMP
        || t.getSeconds() > MAX_TIMESTAMP) {
      throw new InvalidInputException("expiresAt", "must be a valid timestamp (years 1 to 9999)");
    }
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
