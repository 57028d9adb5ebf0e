package io.augment.application.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.PermissionDeniedException;
import io.augment.domain.tenant.ApiKey;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManageTenantsTest {
  private final TenancyFixture f = new TenancyFixture();

  private Principal adminOf(String tenant) {
    return f.authenticator.authenticate(f.manage.createKey(Principal.IMPLICIT, tenant, "admin", "admin", Optional.empty())
        .secret());
  }

  @Test
  void creatingATenantProvisionsItsStorageBeforeRecordingIt() {
    f.manage.create(Principal.IMPLICIT, "acme", "Acme Inc", new Quotas(10L, 2, 5.0));

    assertThat(f.storage).containsExactly("provision acme");
    assertThat(f.manage.get(Principal.IMPLICIT, "acme").quotas()).isEqualTo(new Quotas(10L, 2, 5.0));
    assertThatThrownBy(() -> f.manage.create(Principal.IMPLICIT, "acme", null, null))
        .isInstanceOf(AlreadyExistsException.class);
    assertThat(f.storage).containsExactly("provision acme");
  }

  @Test
  void invalidTenantIdsNameTheFieldAndStoreNothing() {
    for (String bad : new String[] {"", "UPPER", "-lead", "trail-", "a_b", "../x", "a".repeat(33), "dot.ted"}) {
      assertThatThrownBy(() -> f.manage.create(Principal.IMPLICIT, bad, null, null))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }
    assertThat(f.tenants.list()).extracting(t -> t.id().value()).containsExactly("default");
    assertThat(f.storage).isEmpty();
  }

  @Test
  void onlyTheOperatorManagesTenants() {
    f.manage.create(Principal.IMPLICIT, "acme", null, null);
    Principal acmeAdmin = adminOf("acme");

    assertThatThrownBy(() -> f.manage.create(acmeAdmin, "evil", null, null)).isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> f.manage.list(acmeAdmin)).isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> f.manage.delete(acmeAdmin, "acme")).isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> f.manage.updateQuotas(acmeAdmin, "acme", Quotas.UNLIMITED))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(f.tenants.find(new TenantId("evil"))).isEmpty();
  }

  @Test
  void aTenantAdminManagesItsOwnKeysAndCannotSeeAnotherTenants() {
    f.manage.create(Principal.IMPLICIT, "acme", null, null);
    f.manage.create(Principal.IMPLICIT, "rival", null, null);
    Principal acmeAdmin = adminOf("acme");
    CreatedKey rivalKey = f.manage.createKey(Principal.IMPLICIT, "rival", "r", "write", Optional.empty());

    CreatedKey own = f.manage.createKey(acmeAdmin, "acme", "ci", "write", Optional.empty());
    assertThat(f.manage.listKeys(acmeAdmin, "acme")).extracting(ApiKey::id).contains(own.key().id());

    assertThatThrownBy(() -> f.manage.listKeys(acmeAdmin, "rival")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.manage.createKey(acmeAdmin, "rival", "x", "admin", Optional.empty()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.manage.revokeKey(acmeAdmin, "rival", rivalKey.key().id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.manage.revokeKey(acmeAdmin, "acme", rivalKey.key().id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.authenticator.authenticate(rivalKey.secret()).tenant()).isEqualTo(new TenantId("rival"));
  }

  @Test
  void readAndWriteKeysCannotManageKeys() {
    for (String scope : new String[] {"read", "write"}) {
      Principal p = f.authenticator.authenticate(f.manage.createKey(Principal.IMPLICIT, "default", scope, scope,
          Optional.empty()).secret());
      assertThatThrownBy(() -> f.manage.createKey(p, "default", "x", "admin", Optional.empty()))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> f.manage.listKeys(p, "default")).isInstanceOf(PermissionDeniedException.class);
    }
  }

  @Test
  void keyRequestsAreValidatedBeforeAnythingIsStored() {
    int before = f.keys.list(TenantId.DEFAULT).size();
    assertThatThrownBy(() -> f.manage.createKey(Principal.IMPLICIT, "default", "x", "root", Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scope"));
    assertThatThrownBy(() -> f.manage.createKey(Principal.IMPLICIT, "default", "x", "read",
        Optional.of(f.clock.instant()))).isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("expiresAt"));
    assertThatThrownBy(() -> f.manage.createKey(Principal.IMPLICIT, "default", "n".repeat(201), "read", Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThat(f.keys.list(TenantId.DEFAULT)).hasSize(before);
  }

  @Test
  void deletingATenantRemovesItsKeysThenForgetsThenPurgesItsStorage() {
    f.manage.create(Principal.IMPLICIT, "acme", null, null);
    f.manage.createKey(Principal.IMPLICIT, "acme", "x", "write", Optional.empty());

    f.manage.delete(Principal.IMPLICIT, "acme");

    assertThat(f.keys.list(new TenantId("acme"))).isEmpty();
    assertThat(f.forgotten).containsExactly(new TenantId("acme"));
    assertThat(f.storage).containsExactly("provision acme", "purge acme");
    assertThatThrownBy(() -> f.manage.delete(Principal.IMPLICIT, "acme")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void theOperatorsTenantCannotBeDeleted() {
    assertThatThrownBy(() -> f.manage.delete(Principal.IMPLICIT, "default")).isInstanceOf(InvalidInputException.class);
    assertThat(f.tenants.find(TenantId.DEFAULT)).isPresent();
  }

  @Test
  void aConfiguredKeyIsInstalledOnceAndThenWorks() {
    String configured = KeyMaterial.generate();

    assertThat(f.manage.installKey(TenantId.DEFAULT, configured, "configured", Scope.ADMIN)).isTrue();
    assertThat(f.manage.installKey(TenantId.DEFAULT, configured, "configured", Scope.ADMIN)).isFalse();

    assertThat(f.authenticator.authenticate(configured).operator()).isTrue();
    assertThat(f.manage.anyAdminKey()).isTrue();
    assertThatThrownBy(() -> f.manage.installKey(TenantId.DEFAULT, "not-a-key", "x", Scope.ADMIN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
