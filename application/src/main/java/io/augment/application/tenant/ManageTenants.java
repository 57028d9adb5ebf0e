package io.augment.application.tenant;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.tenant.ApiKey;
import io.augment.domain.tenant.ApiKeyRepository;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.Tenant;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.tenant.TenantRepository;
import io.augment.domain.tenant.TenantStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tenants and their API keys. Tenants are managed by the operator ({@link Principal#operator()});
 * a tenant's own admin keys manage that tenant's keys. Another tenant's keys are invisible (404).
 */
public final class ManageTenants {
  /** Keys per tenant, revoked ones included, so a list stays readable. */
  public static final int MAX_KEYS_PER_TENANT = 1000;

  private final TenantRepository tenants;
  private final ApiKeyRepository keys;
  private final TenantStorage storage;
  private final Consumer<TenantId> onDelete;
  private final Clock clock;

  /** @param onDelete told after a tenant's record is gone and before its storage is purged (to drop cached state) */
  public ManageTenants(
      TenantRepository tenants, ApiKeyRepository keys, TenantStorage storage, Consumer<TenantId> onDelete, Clock clock) {
    this.tenants = tenants;
    this.keys = keys;
    this.storage = storage;
    this.onDelete = onDelete;
    this.clock = clock;
  }

  /** Provisions the tenant's storage (clearing any a cut-off delete left under the id), then records it. */
  public Tenant create(Principal caller, String id, String displayName, Quotas quotas) {
    caller.requireOperator();
    TenantId tenantId = TenantId.parse("id", id);
    Tenant tenant = new Tenant(tenantId, displayName, quotas, clock.instant());
    if (tenants.find(tenantId).isPresent()) {
      throw new AlreadyExistsException("tenant", tenantId.value());
    }
    storage.provision(tenantId);
    tenants.create(tenant);
    return tenant;
  }

  /** The operator's tenant record, created on first start; its data lives in the original namespaces. */
  public Tenant ensureDefault() {
    Optional<Tenant> existing = tenants.find(TenantId.DEFAULT);
    if (existing.isPresent()) {
      return existing.get();
    }
    Tenant tenant = new Tenant(TenantId.DEFAULT, "Operator", Quotas.UNLIMITED, clock.instant());
    try {
      tenants.create(tenant);
    } catch (AlreadyExistsException raced) {
      return tenants.find(TenantId.DEFAULT).orElseThrow();
    }
    return tenant;
  }

  public List<Tenant> list(Principal caller) {
    caller.requireOperator();
    return tenants.list();
  }

  /** The operator reads any tenant; a tenant's admin reads its own. */
  public Tenant get(Principal caller, String id) {
    TenantId tenantId = visible(caller, "id", id);
    return tenants.find(tenantId).orElseThrow(() -> notFound(tenantId));
  }

  public Tenant updateQuotas(Principal caller, String id, Quotas quotas) {
    caller.requireOperator();
    TenantId tenantId = TenantId.parse("id", id);
    if (!tenants.updateQuotas(tenantId, quotas == null ? Quotas.UNLIMITED : quotas)) {
      throw notFound(tenantId);
    }
    return tenants.find(tenantId).orElseThrow(() -> notFound(tenantId));
  }

  /**
   * Deletes the tenant: its record and keys first (its keys stop working at once), then everything
   * it stored. The operator's own tenant cannot be deleted.
   */
  public void delete(Principal caller, String id) {
    caller.requireOperator();
    TenantId tenantId = TenantId.parse("id", id);
    if (tenantId.isDefault()) {
      throw new InvalidInputException("id", "the operator's tenant 'default' cannot be deleted");
    }
    if (!tenants.delete(tenantId)) {
      throw notFound(tenantId);
    }
    onDelete.accept(tenantId);
    storage.purge(tenantId);
  }

  /** Creates a key; its text is in the answer only. @param expiresAt absent: never expires; else in the future */
  public CreatedKey createKey(Principal caller, String tenant, String name, String scope, Optional<Instant> expiresAt) {
    TenantId tenantId = visible(caller, tenant);
    Scope wanted = Scope.parse("scope", scope);
    if (tenants.find(tenantId).isEmpty()) {
      throw notFound(tenantId);
    }
    Instant now = clock.instant();
    if (expiresAt != null && expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
      throw new InvalidInputException("expiresAt", "must be in the future");
    }
    if (keys.list(tenantId).size() >= MAX_KEYS_PER_TENANT) {
      throw new InvalidInputException("tenant", "has " + MAX_KEYS_PER_TENANT + " keys, the most it may have");
    }
    String secret = KeyMaterial.generate();
    ApiKey key = new ApiKey(KeyMaterial.idOf(secret).orElseThrow(), tenantId, name, wanted, KeyMaterial.hash(secret), now,
        expiresAt, Optional.empty());
    keys.create(key);
    return new CreatedKey(key, secret);
  }

  /** Installs a key whose text the operator chose (configuration or environment), once; true when it was new. */
  public boolean installKey(TenantId tenant, String secret, String name, Scope scope) {
    String id = KeyMaterial.idOf(secret).orElseThrow(() -> new IllegalArgumentException(
        "a configured API key must look like aug_<16 hex digits>_<43 base64url characters>"));
    Optional<ApiKey> existing = keys.find(id);
    if (existing.isPresent()) {
      if (!KeyMaterial.matches(secret, existing.get())) {
        throw new IllegalStateException("another key with the configured key's id " + id + " exists");
      }
      return false;
    }
    keys.create(new ApiKey(id, tenant, name, scope, KeyMaterial.hash(secret), clock.instant(), Optional.empty(),
        Optional.empty()));
    return true;
  }

  public List<ApiKey> listKeys(Principal caller, String tenant) {
    TenantId tenantId = visible(caller, tenant);
    if (tenants.find(tenantId).isEmpty()) {
      throw notFound(tenantId);
    }
    return keys.list(tenantId);
  }

  /** Revokes at once; the next request with that key gets 401. */
  public ApiKey revokeKey(Principal caller, String tenant, String keyId) {
    TenantId tenantId = visible(caller, tenant);
    if (keyId == null || !ApiKey.ID_PATTERN.matcher(keyId).matches()) {
      throw new NotFoundException("API key", String.valueOf(keyId));
    }
    if (!keys.revoke(tenantId, keyId, clock.instant())) {
      throw new NotFoundException("API key", String.valueOf(keyId));
    }
    return keys.find(keyId).orElseThrow();
  }

  /** Whether an unrevoked, unexpired admin key exists (else the first one is created at start-up). */
  public boolean anyAdminKey() {
    return keys.countActive(Scope.ADMIN, clock.instant()) > 0;
  }

  /** The operator reaches any tenant; a tenant admin only its own; another tenant reads as absent. */
  private static TenantId visible(Principal caller, String id) {
    return visible(caller, "tenant", id);
  }

  /** @param field the request's name for the tenant id (a tenant's own "id", another record's "tenant") */
  private static TenantId visible(Principal caller, String field, String id) {
    caller.require(Scope.ADMIN);
    TenantId tenantId = TenantId.parse(field, id);
    if (!caller.operator() && !caller.tenant().equals(tenantId)) {
      throw notFound(tenantId);
    }
    return tenantId;
  }

  private static NotFoundException notFound(TenantId id) {
    return new NotFoundException("tenant", id.value());
  }
}
