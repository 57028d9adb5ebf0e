package io.augment.domain.tenant;

import static io.augment.domain.tenant.TenantFixtures.CREATED_AT;
import static io.augment.domain.tenant.TenantFixtures.key;
import static io.augment.domain.tenant.TenantFixtures.tenant;
import static io.augment.domain.tenant.TenantFixtures.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.AlreadyExistsException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ApiKeyRepository} must do. A key's tenant is created first through
 * {@link #tenants()} (a store may require it to exist). The stores may be shared with other tests
 * and earlier runs, so each case uses tenants of its own; counts are compared before and after.
 */
public abstract class ApiKeyRepositoryContract {
  /** The instant {@code countActive} is asked about; keys created here never expire before it unless told. */
  private static final Instant NOW = CREATED_AT.plusSeconds(3_600);

  protected abstract TenantRepository tenants();

  protected abstract ApiKeyRepository keys();

  private TenantId newTenant() {
    TenantId id = uniqueTenant();
    tenants().create(tenant(id));
    return id;
  }

  @Test
  void findsCreatedKeyWithEveryField() {
    TenantId tenant = newTenant();
    ApiKey created = new ApiKey(TenantFixtures.hex(16), tenant, "CI — deploy 🚀", Scope.WRITE, TenantFixtures.hex(64),
        CREATED_AT, Optional.of(CREATED_AT.plusSeconds(86_400)), Optional.empty());

    keys().create(created);

    assertThat(keys().find(created.id())).contains(created);
  }

  @Test
  void findsNothingForUnknownId() {
    assertThat(keys().find(TenantFixtures.hex(16))).isEmpty();
  }

  @Test
  void rejectsDuplicateIdAndKeepsTheOriginal() {
    TenantId tenant = newTenant();
    ApiKey original = key(tenant, Scope.READ, 0);
    keys().create(original);
    ApiKey duplicate = new ApiKey(original.id(), newTenant(), "other", Scope.ADMIN, TenantFixtures.hex(64),
        CREATED_AT, Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> keys().create(duplicate)).isInstanceOf(AlreadyExistsException.class);

    assertThat(keys().find(original.id())).contains(original);
  }

  @Test
  void listsOnlyTheTenantsKeysOldestFirstRevokedOnesIncluded() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    ApiKey newest = key(tenant, Scope.READ, 3_000);
    ApiKey oldest = key(tenant, Scope.ADMIN, 1_000);
    ApiKey middle = key(tenant, Scope.WRITE, 2_000);
    for (ApiKey k : List.of(newest, oldest, middle)) {
      keys().create(k);
    }
    keys().create(key(other, Scope.ADMIN, 0));
    keys().revoke(tenant, middle.id(), NOW);

    assertThat(keys().list(tenant)).containsExactly(oldest, middle.revoked(NOW), newest);
  }

  @Test
  void listOfTenantWithoutKeysIsEmpty() {
    assertThat(keys().list(newTenant())).isEmpty();
  }

  @Test
  void revokedKeyIsFoundRevokedAtOnce() {
    TenantId tenant = newTenant();
    ApiKey created = key(tenant, Scope.ADMIN, 0);
    keys().create(created);

    assertThat(keys().revoke(tenant, created.id(), NOW)).isTrue();

    assertThat(keys().find(created.id())).contains(created.revoked(NOW));
    assertThat(keys().find(created.id()).orElseThrow().activeAt(NOW)).isFalse();
  }

  @Test
  void revokingTwiceKeepsTheFirstTime() {
    TenantId tenant = newTenant();
    ApiKey created = key(tenant, Scope.READ, 0);
    keys().create(created);
    keys().revoke(tenant, created.id(), NOW);

    assertThat(keys().revoke(tenant, created.id(), NOW.plusSeconds(60))).isTrue();

    assertThat(keys().find(created.id())).flatMap(ApiKey::revokedAt).contains(NOW);
  }

  @Test
  void revokingAnotherTenantsKeyAnswersFalseAndChangesNothing() {
    TenantId owner = newTenant();
    TenantId intruder = newTenant();
    ApiKey created = key(owner, Scope.ADMIN, 0);
    keys().create(created);

    assertThat(keys().revoke(intruder, created.id(), NOW)).isFalse();

    assertThat(keys().find(created.id())).contains(created);
    assertThat(keys().list(intruder)).isEmpty();
  }

  @Test
  void revokingUnknownKeyAnswersFalse() {
    assertThat(keys().revoke(newTenant(), TenantFixtures.hex(16), NOW)).isFalse();
  }

  @Test
  void countActiveCountsKeysOfTheScopeOrAboveAcrossTenants() {
    long readBefore = keys().countActive(Scope.READ, NOW);
    long writeBefore = keys().countActive(Scope.WRITE, NOW);
    long adminBefore = keys().countActive(Scope.ADMIN, NOW);
    TenantId one = newTenant();
    TenantId two = newTenant();
    keys().create(key(one, Scope.READ, 0));
    keys().create(key(one, Scope.WRITE, 1));
    keys().create(key(two, Scope.ADMIN, 2));
    keys().create(key(two, Scope.ADMIN, 3));

    assertThat(keys().countActive(Scope.READ, NOW)).isEqualTo(readBefore + 4);
    assertThat(keys().countActive(Scope.WRITE, NOW)).isEqualTo(writeBefore + 3);
    assertThat(keys().countActive(Scope.ADMIN, NOW)).isEqualTo(adminBefore + 2);
  }

  @Test
  void countActiveLeavesOutRevokedAndExpiredKeys() {
    long before = keys().countActive(Scope.ADMIN, NOW);
    TenantId tenant = newTenant();
    ApiKey revoked = key(tenant, Scope.ADMIN, 0);
    keys().create(revoked);
    keys().revoke(tenant, revoked.id(), NOW.minusSeconds(1));
    keys().create(key(tenant, Scope.ADMIN, CREATED_AT, Optional.of(NOW.minusMillis(1))));
    keys().create(key(tenant, Scope.ADMIN, CREATED_AT, Optional.of(NOW))); // expires at the instant asked
    ApiKey stillValid = key(tenant, Scope.ADMIN, CREATED_AT, Optional.of(NOW.plusMillis(1)));
    keys().create(stillValid);

    assertThat(keys().countActive(Scope.ADMIN, NOW)).isEqualTo(before + 1);
  }

  @Test
  void revokeStopsCountingAtOnce() {
    TenantId tenant = newTenant();
    ApiKey created = key(tenant, Scope.WRITE, 0);
    keys().create(created);
    long before = keys().countActive(Scope.WRITE, NOW);

    keys().revoke(tenant, created.id(), NOW);

    assertThat(keys().countActive(Scope.WRITE, NOW)).isEqualTo(before - 1);
  }
}
