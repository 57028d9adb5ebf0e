package io.augment.adapter.in;

import jakarta.inject.Singleton;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether calls need an API key ({@code augment.auth.enabled}), and whether {@code /q/metrics} and
 * {@code /q/openapi} (with Swagger UI) need one too ({@code augment.auth.metrics}/{@code openapi}:
 * {@code open} or {@code authenticated}). {@code /q/health} is always open.
 */
@Singleton
public class AuthMode {
  private final boolean enabled;
  private final boolean metricsOpen;
  private final boolean openApiOpen;

  public AuthMode(
      @ConfigProperty(name = "augment.auth.enabled", defaultValue = "false") boolean enabled,
      @ConfigProperty(name = "augment.auth.metrics", defaultValue = "open") String metrics,
      @ConfigProperty(name = "augment.auth.openapi", defaultValue = "open") String openapi) {
    this.enabled = enabled;
    this.metricsOpen = open(metrics);
    this.openApiOpen = open(openapi);
  }

  private static boolean open(String exposure) {
    return !"authenticated".equals(exposure.strip().toLowerCase(Locale.ROOT));
  }

  public boolean enabled() {
    return enabled;
  }

  /** Whether a request for {@code path} outside {@code /api} and {@code /v1} needs a key. */
  public boolean guards(String path) {
    if (!enabled || path == null) {
      return false;
    }
    if (under(path, "/q/metrics")) {
      return !metricsOpen;
    }
    return (under(path, "/q/openapi") || under(path, "/q/swagger-ui")) && !openApiOpen;
  }

  private static boolean under(String path, String root) {
    return path.equals(root) || path.startsWith(root + "/") || path.startsWith(root + "?");
  }
}
