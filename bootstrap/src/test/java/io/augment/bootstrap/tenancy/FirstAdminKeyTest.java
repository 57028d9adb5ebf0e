package io.augment.bootstrap.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.application.tenant.Authenticator;
import io.augment.application.tenant.Principal;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Authentication on and no admin key configured: the first start writes one to an owner-only file. */
@QuarkusTest
@TestProfile(FirstAdminKeyTest.NoConfiguredKey.class)
class FirstAdminKeyTest {
  public static class NoConfiguredKey implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("augment.auth.enabled", "true");
    }
  }

  @ConfigProperty(name = "augment.data-dir")
  Path dataDir;

  @Inject
  Authenticator authenticator;

  @Test
  void theGeneratedAdminKeyIsReadableByItsOwnerOnlyAndWorks() throws Exception {
    Path file = dataDir.resolve("admin-key");

    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    Principal p = authenticator.authenticate(Files.readString(file).strip());
    assertThat(p.operator()).isTrue();
    assertThat(Set.of(p.keyPrefix())).allMatch(prefix -> prefix.startsWith("aug_"));
  }
}
