package io.augment.domain.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores API key records (hashes, never keys). Durable when a method returns; {@link #revoke} is
 * visible to the next {@link #find}. Contract suite: {@code ApiKeyRepositoryContract}.
 */
public interface ApiKeyRepository {

  /** Stores a new key record. @throws io.augment.domain.model.AlreadyExistsException if the id is taken */
  void create(ApiKey key);

  Optional<ApiKey> find(String id);

  /** The tenant's keys, revoked ones included, oldest first. */
  List<ApiKey> list(TenantId tenant);

  /** Marks the tenant's key revoked at {@code at}; false when the tenant has no such key. Revoking twice keeps the first time. */
  boolean revoke(TenantId tenant, String id, Instant at);

  /** How many unrevoked keys of {@code scope} or above exist across all tenants. */
  long countActive(Scope scope, Instant now);
}
