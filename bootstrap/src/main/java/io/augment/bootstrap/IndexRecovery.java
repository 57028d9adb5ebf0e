package io.augment.bootstrap;

import io.augment.application.index.IndexSync;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Repairs the vector index from the database before the HTTP server opens (start-up observers run
 * first), then checkpoints it in the background; on shutdown takes a last checkpoint.
 */
@Singleton
public class IndexRecovery {
  private static final Logger LOG = Logger.getLogger(IndexRecovery.class);

  private final TenantWorkspaces workspaces;
  private final AugmentConfig config;

  public IndexRecovery(TenantWorkspaces workspaces, AugmentConfig config) {
    this.workspaces = workspaces;
    this.config = config;
  }

  /** Every tenant's index, after {@link TenancyStartup} (priority 0) has brought their schemas up to date. */
  void onStart(@Observes @Priority(1) StartupEvent event) {
    for (WorkspaceFactory.Built built : workspaces.all()) {
      IndexSync sync = built.indexSync();
      var report = sync.recover();
      if (report.pending() > 0 || report.collectionsCreated() > 0) {
        LOG.infof("index of tenant %s repaired after an unclean stop: %s", built.workspace().tenant(), report);
      }
    }
    workspaces.checkpointEvery(config.ingest().indexCheckpointInterval());
  }

  void onStop(@Observes ShutdownEvent event) {
    workspaces.built().forEach(b -> b.indexSync().close());
  }
}
