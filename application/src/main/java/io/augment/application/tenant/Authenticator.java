package io.augment.application.tenant;

import io.augment.domain.model.UnauthenticatedException;
import io.augment.domain.tenant.ApiKey;
import io.augment.domain.tenant.ApiKeyRepository;
import io.augment.domain.tenant.Tenant;
import io.augment.domain.tenant.TenantRepository;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns a presented key into a {@link Principal}. Every call reads the store, so a revoked key stops
 * working at the next request. Messages never say whether a key id exists.
 */
public final class Authenticator {
  static final String MISSING = "an API key is required: send 'Authorization: Bearer <key>' (or 'X-API-Key: <key>')";
  static final String INVALID = "the API key is not valid (unknown, malformed, revoked or expired)";

  private final ApiKeyRepository keys;
  private final TenantRepository tenants;
  private final RequestRates rates;
  private final Clock clock;

  public Authenticator(ApiKeyRepository keys, TenantRepository tenants, RequestRates rates, Clock clock) {
    this.keys = keys;
    this.tenants = tenants;
    this.rates = rates;
    this.clock = clock;
  }

  /**
   * Authenticates the key and takes one request from its tenant's rate quota.
   *
   * @throws UnauthenticatedException when the key is absent, malformed, unknown, revoked or expired, or its tenant is gone
   * @throws io.augment.domain.model.QuotaExceededException when the tenant is over its requests per second
   */
  public Principal authenticate(String presented) {
    if (presented == null || presented.isBlank()) {
      throw new UnauthenticatedException(MISSING);
    }
    String id = KeyMaterial.idOf(presented.strip()).orElseThrow(() -> new UnauthenticatedException(INVALID));
    ApiKey key = keys.find(id).orElseThrow(() -> new UnauthenticatedException(INVALID));
    Instant now = clock.instant();
    if (!KeyMaterial.matches(presented.strip(), key) || !key.activeAt(now)) {
      throw new UnauthenticatedException(INVALID);
    }
    Tenant tenant = tenants.find(key.tenant()).orElseThrow(() -> new UnauthenticatedException(INVALID));
    rates.acquire(tenant.id(), tenant.quotas());
    return new Principal(key.tenant(), key.scope(), key.prefix());
  }
}
