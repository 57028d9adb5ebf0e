package io.augment.bootstrap.tenancy;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Authentication on, with a fixed first admin key for the operator's tenant. */
public class AuthOnProfile implements QuarkusTestProfile {
  /** The operator's admin key the tests use (only ever valid on a test server). */
  public static final String ADMIN_KEY = "aug_0123456789abcdef_" + "A".repeat(43);

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("augment.auth.enabled", "true", "augment.auth.admin-key", ADMIN_KEY);
  }
}
