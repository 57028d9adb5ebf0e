package io.augment.domain.tenant;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Tenants and key records no other test uses, even across reruns against a shared database. */
public final class TenantFixtures {
  /** Millisecond precision, so it survives every store's timestamp column unchanged. */
  public static final Instant CREATED_AT = Instant.parse("2024-06-01T09:00:00.250Z");

  private TenantFixtures() {}

  public static TenantId uniqueTenant() {
    return new TenantId("t-" + hex(12));
  }

  public static Tenant tenant(TenantId id) {
    return new Tenant(id, "Team " + id, new Quotas(1_000L, 4, 25.5), CREATED_AT);
  }

  /** A key record with a fresh id, created at {@link #CREATED_AT} plus {@code offsetMillis}. */
  public static ApiKey key(TenantId tenant, Scope scope, long offsetMillis) {
    return key(tenant, scope, CREATED_AT.plusMillis(offsetMillis), Optional.empty());
  }

  public static ApiKey key(TenantId tenant, Scope scope, Instant createdAt, Optional<Instant> expiresAt) {
    String id = hex(16);
    return new ApiKey(id, tenant, "key " + id, scope, hex(64), createdAt, expiresAt, Optional.empty());
  }

  public static String hex(int digits) {
    StringBuilder out = new StringBuilder(digits);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (out.length() < digits) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }
}
