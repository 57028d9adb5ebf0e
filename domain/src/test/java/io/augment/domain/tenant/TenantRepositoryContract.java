package io.augment.domain.tenant;

import static io.augment.domain.tenant.TenantFixtures.CREATED_AT;
import static io.augment.domain.tenant.TenantFixtures.key;
import static io.augment.domain.tenant.TenantFixtures.tenant;
import static io.augment.domain.tenant.TenantFixtures.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.AlreadyExistsException;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TenantRepository} must do. {@link #keys()} is the key store the repository
 * removes a deleted tenant's keys from. The stores may be shared with other tests and earlier runs,
 * so each case uses tenants of its own and looks only at them.
 */
public abstract class TenantRepositoryContract {

  protected abstract TenantRepository tenants();

  protected abstract ApiKeyRepository keys();

  @Test
  void findsCreatedTenantWithItsQuotas() {
    Tenant created = tenant(uniqueTenant());

    tenants().create(created);

    assertThat(tenants().find(created.id())).contains(created);
  }

  @Test
  void findsNothingForUnknownTenant() {
    assertThat(tenants().find(uniqueTenant())).isEmpty();
  }

  @Test
  void roundTripsUnlimitedQuotasAndUnicodeDisplayName() {
    Tenant created = new Tenant(uniqueTenant(), "Équipe 医学 🩺", Quotas.UNLIMITED, CREATED_AT);

    tenants().create(created);

    assertThat(tenants().find(created.id())).contains(created);
  }

  @Test
  void rejectsDuplicateIdAndKeepsTheOriginal() {
    Tenant original = tenant(uniqueTenant());
    tenants().create(original);
    Tenant duplicate = new Tenant(original.id(), "someone else", Quotas.UNLIMITED, CREATED_AT.plusSeconds(5));

    assertThatThrownBy(() -> tenants().create(duplicate)).isInstanceOf(AlreadyExistsException.class);

    assertThat(tenants().find(original.id())).contains(original);
  }

  @Test
  void listsTenantsOrderedById() {
    String prefix = uniqueTenant().value();
    for (String suffix : List.of("b", "c", "a")) {
      tenants().create(tenant(new TenantId(prefix + suffix)));
    }

    List<Tenant> all = tenants().list();

    assertThat(all).isSortedAccordingTo(Comparator.comparing(t -> t.id().value()));
    assertThat(all).map(t -> t.id().value()).filteredOn(id -> id.startsWith(prefix))
        .containsExactly(prefix + "a", prefix + "b", prefix + "c");
  }

  @Test
  void updateQuotasReplacesAllThreeLimits() {
    Tenant created = tenant(uniqueTenant());
    tenants().create(created);
    Quotas changed = new Quotas(0L, 1, 0.5);

    assertThat(tenants().updateQuotas(created.id(), changed)).isTrue();

    assertThat(tenants().find(created.id())).contains(created.withQuotas(changed));
  }

  @Test
  void updateQuotasWithNullsMakesTheLimitsUnlimited() {
    Tenant created = tenant(uniqueTenant());
    tenants().create(created);

    assertThat(tenants().updateQuotas(created.id(), new Quotas(null, 2, null))).isTrue();
    assertThat(tenants().find(created.id())).map(Tenant::quotas).contains(new Quotas(null, 2, null));

    assertThat(tenants().updateQuotas(created.id(), Quotas.UNLIMITED)).isTrue();
    assertThat(tenants().find(created.id())).map(Tenant::quotas).contains(Quotas.UNLIMITED);
  }

  @Test
  void updateQuotasOfUnknownTenantAnswersFalseAndCreatesNothing() {
    TenantId missing = uniqueTenant();

    assertThat(tenants().updateQuotas(missing, new Quotas(5L, 1, 1.0))).isFalse();

    assertThat(tenants().find(missing)).isEmpty();
  }

  @Test
  void deleteRemovesTheTenantAndEveryKeyOfItButNotOtherTenantsKeys() {
    Tenant doomed = tenant(uniqueTenant());
    Tenant other = tenant(uniqueTenant());
    tenants().create(doomed);
    tenants().create(other);
    ApiKey doomedRead = key(doomed.id(), Scope.READ, 0);
    ApiKey doomedAdmin = key(doomed.id(), Scope.ADMIN, 1);
    ApiKey kept = key(other.id(), Scope.WRITE, 2);
    keys().create(doomedRead);
    keys().create(doomedAdmin);
    keys().create(kept);

    assertThat(tenants().delete(doomed.id())).isTrue();

    assertThat(tenants().find(doomed.id())).isEmpty();
    assertThat(tenants().list()).doesNotContain(doomed).contains(other);
    assertThat(keys().find(doomedRead.id())).isEmpty();
    assertThat(keys().find(doomedAdmin.id())).isEmpty();
    assertThat(keys().list(doomed.id())).isEmpty();
    assertThat(keys().find(kept.id())).contains(kept);
  }

  @Test
  void deleteOfUnknownTenantAnswersFalse() {
    assertThat(tenants().delete(uniqueTenant())).isFalse();
  }

  @Test
  void idCanBeReusedAfterDeleteWithoutTheOldKeys() {
    Tenant first = tenant(uniqueTenant());
    tenants().create(first);
    keys().create(key(first.id(), Scope.ADMIN, 0));
    tenants().delete(first.id());
    Tenant again = new Tenant(first.id(), "second life", Quotas.UNLIMITED, CREATED_AT.plusSeconds(60));

    tenants().create(again);

    assertThat(tenants().find(first.id())).contains(again);
    assertThat(keys().list(first.id())).isEmpty();
  }
}
