package io.augment.adapter.out.memory;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.tenant.ApiKey;
import io.augment.domain.tenant.ApiKeyRepository;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** API key records in memory. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
  private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

  @Override
  public void create(ApiKey key) {
    if (keys.putIfAbsent(key.id(), key) != null) {
      throw new AlreadyExistsException("API key", key.id());
    }
  }

  @Override
  public Optional<ApiKey> find(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public List<ApiKey> list(TenantId tenant) {
    return keys.values().stream().filter(k -> k.tenant().equals(tenant))
        .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id)).toList();
  }

  @Override
  public boolean revoke(TenantId tenant, String id, Instant at) {
    boolean[] found = {false};
    keys.computeIfPresent(id, (k, key) -> {
      if (!key.tenant().equals(tenant)) {
        return key;
      }
      found[0] = true;
      return key.revokedAt().isPresent() ? key : key.revoked(at);
    });
    return found[0];
  }

  @Override
  public long countActive(Scope scope, Instant now) {
    return keys.values().stream().filter(k -> k.scope().allows(scope) && k.activeAt(now)).count();
  }

  void deleteTenant(TenantId tenant) {
    keys.values().removeIf(k -> k.tenant().equals(tenant));
  }
}
