package io.augment.adapter.in.rest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.augment.application.tenant.CreatedKey;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.tenant.ApiKey;
import io.augment.domain.tenant.AuditEntry;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.Tenant;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** JSON shapes of the admin API. A key's hash never appears; its text only in {@link CreatedKeyJson}, once. */
public final class AdminJson {
  /** The last expiry a key may have, as on gRPC (a protobuf Timestamp ends with year 9999). */
  static final Instant LAST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

  private AdminJson() {}

  /** Absent fields are unlimited; each only as a JSON number (no strings, no truncated fractions). */
  public record QuotasJson(
      @JsonDeserialize(using = StrictJson.WholeLong.class) Long maxDocuments,
      @JsonDeserialize(using = StrictJson.WholeInt.class) Integer maxConcurrentJobs,
      @JsonDeserialize(using = StrictJson.Number.class) Double requestsPerSecond) {
    static QuotasJson of(Quotas q) {
      return new QuotasJson(q.maxDocuments(), q.maxConcurrentJobs(), q.requestsPerSecond());
    }

    Quotas quotas() {
      return new Quotas(maxDocuments, maxConcurrentJobs, requestsPerSecond);
    }
  }

  /** Text fields only as JSON strings: {@code "id": true} is refused, not stored as tenant "true". */
  public record CreateTenantInput(
      @JsonDeserialize(using = StrictJson.Text.class) String id,
      @JsonDeserialize(using = StrictJson.Text.class) String displayName,
      QuotasJson quotas) {}

  public record TenantJson(String id, String displayName, QuotasJson quotas, Instant createdAt) {
    static TenantJson of(Tenant t) {
      return new TenantJson(t.id().value(), t.displayName(), QuotasJson.of(t.quotas()), t.createdAt());
    }
  }

  /** {@code expiresAt}: an ISO-8601 instant in the future, or absent (never expires). Text fields only as strings. */
  public record CreateKeyInput(
      @JsonDeserialize(using = StrictJson.Text.class) String name,
      @JsonDeserialize(using = StrictJson.Text.class) String scope,
      @JsonDeserialize(using = StrictJson.Text.class) String expiresAt) {
    Optional<Instant> expiry() {
      if (expiresAt == null || expiresAt.isBlank()) {
        return Optional.empty();
      }
      Instant at;
      try {
        at = Instant.parse(expiresAt.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("expiresAt", "must be an ISO-8601 instant such as 2030-01-31T00:00:00Z");
      }
      // Instant reaches year 1000000000; SQL stores (PostgreSQL: 294276) and clients do not.
      if (at.isAfter(LAST_EXPIRY)) {
        throw new InvalidInputException("expiresAt", "must be before the year 10000");
      }
      return Optional.of(at);
    }
  }

  public record KeyJson(
      String id, String prefix, String tenant, String name, String scope, Instant createdAt, Instant expiresAt,
      Instant revokedAt) {
    static KeyJson of(ApiKey k) {
      return new KeyJson(k.id(), k.prefix(), k.tenant().value(), k.name(), k.scope().wire(), k.createdAt(),
          k.expiresAt().orElse(null), k.revokedAt().orElse(null));
    }
  }

  /** {@code key} is the API key itself: shown in this answer only, stored nowhere. */
  public record CreatedKeyJson(
      String id, String prefix, String tenant, String name, String scope, Instant createdAt, Instant expiresAt,
      String key) {
    static CreatedKeyJson of(CreatedKey created) {
      ApiKey k = created.key();
      return new CreatedKeyJson(k.id(), k.prefix(), k.tenant().value(), k.name(), k.scope().wire(), k.createdAt(),
          k.expiresAt().orElse(null), created.secret());
    }
  }

  public record AuditJson(
      long sequence, Instant at, String tenant, String keyPrefix, String protocol, String action, String resource,
      int outcome) {
    static AuditJson of(AuditEntry e) {
      return new AuditJson(e.sequence(), e.at(), e.tenant().value(), e.keyPrefix(), e.protocol(), e.action(),
          e.resource(), e.outcome());
    }
  }
}
