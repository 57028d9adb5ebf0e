package io.augment.adapter.out.persistence;

import io.augment.domain.tenant.ApiKey;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** Row of {@code api_key}: the key's hash and metadata, never the key. */
@Entity
@Table(name = "api_key")
class ApiKeyEntity {

  @Id
  @Column(length = 16)
  String id;

  @Column(nullable = false, length = 32)
  String tenant;

  @Column(nullable = false, length = 200)
  String name;

  @Column(nullable = false, length = 16)
  String scope;

  @Column(nullable = false, length = 64)
  String hash;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "expires_at")
  Instant expiresAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  static ApiKeyEntity from(ApiKey key) {
    ApiKeyEntity entity = new ApiKeyEntity();
    entity.id = key.id();
    entity.tenant = key.tenant().value();
    entity.name = key.name();
    entity.scope = key.scope().wire();
    entity.hash = key.hash();
    entity.createdAt = key.createdAt();
    entity.expiresAt = key.expiresAt().orElse(null);
    entity.revokedAt = key.revokedAt().orElse(null);
    return entity;
  }

  ApiKey toDomain() {
    return new ApiKey(id, new TenantId(tenant), name, Scope.parse("scope", scope), hash, createdAt,
        Optional.ofNullable(expiresAt), Optional.ofNullable(revokedAt));
  }
}
