package io.augment.domain.tenant;

import io.augment.domain.model.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key's stored record: never the key itself, only {@link #hash()} (hex SHA-256 of the whole
 * key). {@link #id()} is the public part the key starts with ({@code aug_<id>_...}), shown in lists
 * and the audit log as {@link #prefix()}.
 */
public record ApiKey(
    String id, TenantId tenant, String name, Scope scope, String hash, Instant createdAt,
    Optional<Instant> expiresAt, Optional<Instant> revokedAt) {
  public static final Pattern ID_PATTERN = Pattern.compile("[0-9a-f]{16}");
  public static final int MAX_NAME = 200;

  public ApiKey {
    if (id == null || !ID_PATTERN.matcher(id).matches()) {
      throw new InvalidInputException("keyId", "must be 16 lowercase hex digits");
    }
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(createdAt, "createdAt");
    name = name == null ? "" : name;
    if (name.length() > MAX_NAME) {
      throw new InvalidInputException("name", "must be at most " + MAX_NAME + " characters");
    }
    expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
    revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
  }

  /** What lists and the audit log show: {@code aug_<id>}. */
  public String prefix() {
    return "aug_" + id;
  }

  public boolean activeAt(Instant now) {
    return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
  }

  public ApiKey revoked(Instant at) {
    return new ApiKey(id, tenant, name, scope, hash, createdAt, expiresAt, Optional.of(at));
  }
}
