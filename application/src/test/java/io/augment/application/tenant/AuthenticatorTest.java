package io.augment.application.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.QuotaExceededException;
import io.augment.domain.model.UnauthenticatedException;
import io.augment.domain.tenant.Quotas;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
  private final TenancyFixture f = new TenancyFixture();

  @Test
  void aCreatedKeyAuthenticatesAsItsTenantAndScope() {
    f.manage.create(Principal.IMPLICIT, "acme", "Acme", null);
    CreatedKey key = f.manage.createKey(Principal.IMPLICIT, "acme", "ci", "read", Optional.empty());

    Principal p = f.authenticator.authenticate(key.secret());

    assertThat(p.tenant()).isEqualTo(new TenantId("acme"));
    assertThat(p.scope()).isEqualTo(Scope.READ);
    assertThat(p.keyPrefix()).isEqualTo(key.key().prefix()).isNotEqualTo(key.secret());
  }

  @Test
  void missingMalformedUnknownAndWrongSecretKeysAreRefusedAlike() {
    CreatedKey key = f.manage.createKey(Principal.IMPLICIT, "default", "ops", "admin", Optional.empty());
    String wrongSecret = key.secret().substring(0, 21) + (key.secret().charAt(21) == 'A' ? 'B' : 'A')
        + key.secret().substring(22);

    assertThatThrownBy(() -> f.authenticator.authenticate(null)).isInstanceOf(UnauthenticatedException.class)
        .hasMessageContaining("Authorization: Bearer");
    assertThatThrownBy(() -> f.authenticator.authenticate("  ")).isInstanceOf(UnauthenticatedException.class);
    for (String bad : new String[] {"sk-123", KeyMaterial.generate(), wrongSecret}) {
      assertThatThrownBy(() -> f.authenticator.authenticate(bad)).isInstanceOf(UnauthenticatedException.class)
          .hasMessage(Authenticator.INVALID);
    }
  }

  @Test
  void revokedKeyStopsWorkingAtOnce() {
    CreatedKey key = f.manage.createKey(Principal.IMPLICIT, "default", "ops", "write", Optional.empty());
    f.authenticator.authenticate(key.secret());

    f.manage.revokeKey(Principal.IMPLICIT, "default", key.key().id());

    assertThatThrownBy(() -> f.authenticator.authenticate(key.secret())).isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void expiredKeyIsRefusedFromItsExpiryOn() {
    CreatedKey key = f.manage.createKey(Principal.IMPLICIT, "default", "temp", "read",
        Optional.of(f.clock.instant().plusSeconds(60)));
    f.clock.advance(Duration.ofSeconds(59));
    f.authenticator.authenticate(key.secret());

    f.clock.advance(Duration.ofSeconds(1));

    assertThatThrownBy(() -> f.authenticator.authenticate(key.secret())).isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void aDeletedTenantsKeysStopWorking() {
    f.manage.create(Principal.IMPLICIT, "gone", null, null);
    CreatedKey key = f.manage.createKey(Principal.IMPLICIT, "gone", "x", "write", Optional.empty());

    f.manage.delete(Principal.IMPLICIT, "gone");

    assertThatThrownBy(() -> f.authenticator.authenticate(key.secret())).isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void aTenantOverItsRequestRateIsToldWhenToRetry() {
    f.manage.create(Principal.IMPLICIT, "slow", null, new Quotas(null, null, 2.0));
    CreatedKey key = f.manage.createKey(Principal.IMPLICIT, "slow", "x", "read", Optional.empty());
    f.authenticator.authenticate(key.secret());
    f.authenticator.authenticate(key.secret());

    assertThatThrownBy(() -> f.authenticator.authenticate(key.secret()))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));

    f.nanos += 500_000_000L; // half a second refills one request at 2/s
    f.authenticator.authenticate(key.secret());
  }
}
