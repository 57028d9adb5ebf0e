package io.augment.bootstrap;

import io.augment.adapter.out.djl.DjlEngine;
import io.augment.adapter.out.djl.DjlEngineConfig;
import io.augment.adapter.out.djl.DjlGenerator;
import io.augment.adapter.out.djl.model.GptConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import io.augment.domain.tenant.TenantId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The local engine of each tenant, each built on first use (PyTorch loads only when something needs
 * it). The operator's tenant uses {@code augment.engine.dir} (default {@code <data-dir>/engine});
 * every other tenant its own {@code <data-dir>/tenants/<id>/engine}, so trained models never mix;
 * base models the operator imported are offered to every tenant read-only.
 */
@Singleton
public class LocalEngine {
  private static final Logger LOG = Logger.getLogger(LocalEngine.class);

  private final AugmentConfig config;
  private final Map<TenantId, DjlEngine> engines = new ConcurrentHashMap<>();

  public LocalEngine(AugmentConfig config) {
    this.config = config;
  }

  public boolean enabled() {
    return config.engine().enabled();
  }

  /** The engine generator's id, known without building the engine. */
  public String generatorId() {
    return DjlGenerator.idFor(config.generation().localModel().orElse(null));
  }

  /** The operator's engine. */
  public DjlEngine get() {
    return get(TenantId.DEFAULT);
  }

  public DjlEngine get(TenantId tenant) {
    if (!enabled()) {
      throw new IllegalStateException("the local engine is switched off (augment.engine.enabled=false)");
    }
    return engines.computeIfAbsent(tenant, t -> {
      AugmentConfig.Engine c = config.engine();
      Path root = root(t);
      if (!t.isDefault()) {
        DjlEngine.removeStaleWork(root); // nothing of this tenant runs yet in this process
      }
      AugmentConfig.Engine.Scratch s = c.scratch();
      AugmentConfig.FineTuning ft = config.fineTuning();
      DjlEngine e = new DjlEngine(root, new DjlEngineConfig(config.generation().localModel().orElse(null),
          GptConfig.of(s.vocabSize(), s.contextLength(), s.width(), s.layers(), s.heads()), c.workerHeapMb(), 0, 0,
          List.of(), c.maxQueuedJobs()).withCheckpoints(ft.checkpointEverySteps(), ft.keepCheckpoints())
          .withMaxWorkerRestarts(ft.maxWorkerRestarts()), t.isDefault() ? null : root(TenantId.DEFAULT));
      LOG.infof("local engine of tenant %s at %s", t, root.toAbsolutePath());
      return e;
    });
  }

  Path root(TenantId tenant) {
    return tenant.isDefault()
        ? config.engine().dir().orElse(config.dataDir().resolve("engine"))
        : TenantFolders.of(config, tenant).resolve("engine");
  }

  /** Closes a deleted tenant's engine (its folder is removed with the tenant's storage). */
  void forget(TenantId tenant) {
    DjlEngine e = engines.remove(tenant);
    if (e != null) {
      e.close();
    }
  }

  /** At start-up, reports and removes what a crashed run left in the operator's engine (the others: when built). */
  void removeStaleWork(@Observes StartupEvent event) {
    if (enabled() && engines.isEmpty()) {
      DjlEngine.removeStaleWork(root(TenantId.DEFAULT)); // logs each removal
    }
  }

  @PreDestroy
  void close() {
    engines.values().forEach(DjlEngine::close);
  }
}
