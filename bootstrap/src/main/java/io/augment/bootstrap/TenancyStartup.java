package io.augment.bootstrap;

import io.augment.application.tenant.CreatedKey;
import io.augment.application.tenant.ManageTenants;
import io.augment.application.tenant.Principal;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.Tenant;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.tenant.TenantRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * First of the start-up work: refuses to start unauthenticated beyond loopback, records the
 * operator's tenant, brings every tenant's schema up to date, and with authentication on makes sure
 * an admin key exists (the configured one, or one generated once into an owner-only file).
 */
@Singleton
public class TenancyStartup {
  private static final Logger LOG = Logger.getLogger(TenancyStartup.class);

  private final AugmentConfig config;
  private final ManageTenants manage;
  private final TenantRepository tenants;
  private final TenantWorkspaces workspaces;
  private final String host;

  public TenancyStartup(AugmentConfig config, ManageTenants manage, TenantRepository tenants, TenantWorkspaces workspaces,
      @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host) {
    this.config = config;
    this.manage = manage;
    this.tenants = tenants;
    this.workspaces = workspaces;
    this.host = host;
  }

  void onStart(@Observes @Priority(0) StartupEvent event) {
    checkBinding();
    manage.ensureDefault();
    for (Tenant tenant : tenants.list()) {
      if (!tenant.id().isDefault()) {
        workspaces.migrate(tenant.id()); // idempotent: migrates a schema made by an older version
      }
    }
    if (config.auth().enabled()) {
      firstAdminKey();
      LOG.infof("authentication on: every API call needs a key; %d tenant(s)", tenants.list().size());
    }
  }

  private void checkBinding() {
    AugmentConfig.Auth auth = config.auth();
    Optional<String> problem = bindingProblem(host, auth.enabled(), auth.allowUnauthenticatedNetwork());
    if (problem.isPresent()) {
      throw new IllegalStateException(problem.get());
    }
    if (!auth.enabled() && !loopback(host)) {
      LOG.warnf("!!! AUTHENTICATION IS OFF AND THE SERVER LISTENS ON %s: anyone who reaches it can read, change and "
          + "delete every knowledge base, document, evaluation and model (augment.auth.allow-unauthenticated-network=true)"
          + " !!!", host);
    }
  }

  /** Why the server must not start with these settings, if it must not. */
  static Optional<String> bindingProblem(String host, boolean authEnabled, boolean allowUnauthenticatedNetwork) {
    if (authEnabled || loopback(host) || allowUnauthenticatedNetwork) {
      return Optional.empty();
    }
    return Optional.of("refusing to start: quarkus.http.host=" + host + " is reachable beyond this machine and "
        + "authentication is off. Set augment.auth.enabled=true (README: Teams and keys), bind to 127.0.0.1, or accept "
        + "the risk with augment.auth.allow-unauthenticated-network=true");
  }

  static boolean loopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private void firstAdminKey() {
    Optional<String> configured = config.auth().adminKey().filter(k -> !k.isBlank());
    if (configured.isPresent()) {
      if (manage.installKey(TenantId.DEFAULT, configured.get().strip(), "configured admin key", Scope.ADMIN)) {
        LOG.info("installed the configured admin key (augment.auth.admin-key) for tenant default");
      }
      return;
    }
    if (manage.anyAdminKey()) {
      return;
    }
    Path file = config.auth().adminKeyFile().orElse(config.dataDir().resolve("admin-key"));
    CreatedKey key = manage.createKey(Principal.IMPLICIT, TenantId.DEFAULT.value(), "first admin key", "admin",
        Optional.empty());
    write(file, key.secret() + "\n");
    LOG.warnf("no admin key existed: generated one for tenant default into %s (readable by its owner only); "
        + "create tenants and keys with it, then keep it safe or revoke it", file.toAbsolutePath());
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the first admin key to " + file, e);
    }
  }
}
