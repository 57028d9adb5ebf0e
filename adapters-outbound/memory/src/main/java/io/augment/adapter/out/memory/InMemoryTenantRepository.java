package io.augment.adapter.out.memory;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.Tenant;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.tenant.TenantRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Tenants in memory; deleting one also removes its keys from the {@link InMemoryApiKeyRepository} given. */
public final class InMemoryTenantRepository implements TenantRepository {
  private final Map<String, Tenant> tenants = new ConcurrentSkipListMap<>();
  private final InMemoryApiKeyRepository keys;

  public InMemoryTenantRepository(InMemoryApiKeyRepository keys) {
    this.keys = keys;
  }

  @Override
  public void create(Tenant tenant) {
    if (tenants.putIfAbsent(tenant.id().value(), tenant) != null) {
      throw new AlreadyExistsException("tenant", tenant.id().value());
    }
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    return Optional.ofNullable(tenants.get(id.value()));
  }

  @Override
  public List<Tenant> list() {
    return new ArrayList<>(tenants.values());
  }

  @Override
  public boolean updateQuotas(TenantId id, Quotas quotas) {
    return tenants.computeIfPresent(id.value(), (k, t) -> t.withQuotas(quotas)) != null;
  }

  @Override
  public boolean delete(TenantId id) {
    boolean removed = tenants.remove(id.value()) != null;
    if (removed) {
      keys.deleteTenant(id);
    }
    return removed;
  }
}
