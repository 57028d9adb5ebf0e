package io.augment.bootstrap.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Authentication on, a fixed operator admin key, the default stores (H2, Lucene), no engine (faster to start). */
public class AuthOn implements QuarkusTestProfile {
  /** The operator's first admin key (tenant default, scope admin), as configuration gives it. */
  public static final String ADMIN_KEY = "aug_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("augment.auth.enabled", "true", "augment.auth.admin-key", ADMIN_KEY,
        "augment.auth.metrics", "authenticated", "augment.engine.enabled", "false");
  }
}
