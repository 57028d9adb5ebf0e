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
import java.util.List;
import org.jboss.logging.Logger;

/** The local engine, built on first use (PyTorch loads only when something needs it). */
@Singleton
public class LocalEngine {
  private static final Logger LOG = Logger.getLogger(LocalEngine.class);

  private final AugmentConfig config;
  private volatile DjlEngine engine;

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

  public DjlEngine get() {
    if (!enabled()) {
      throw new IllegalStateException("the local engine is switched off (augment.engine.enabled=false)");
    }
    DjlEngine e = engine;
    if (e == null) {
      synchronized (this) {
        e = engine;
        if (e == null) {
          AugmentConfig.Engine c = config.engine();
          Path root = root();
          AugmentConfig.Engine.Scratch s = c.scratch();
          e = new DjlEngine(root, new DjlEngineConfig(config.generation().localModel().orElse(null),
              GptConfig.of(s.vocabSize(), s.contextLength(), s.width(), s.layers(), s.heads()), c.workerHeapMb(), 0, 0,
              List.of(), c.maxQueuedJobs()));
          LOG.infof("local engine at %s", root.toAbsolutePath());
          engine = e;
        }
      }
    }
    return e;
  }

  private Path root() {
    return config.engine().dir().orElse(config.dataDir().resolve("engine"));
  }

  /** At start-up, reports and removes what a crashed run left (the engine itself is still built lazily). */
  void removeStaleWork(@Observes StartupEvent event) {
    if (enabled() && engine == null) {
      DjlEngine.removeStaleWork(root()); // logs each removal
    }
  }

  @PreDestroy
  void close() {
    DjlEngine e = engine;
    if (e != null) {
      e.close();
    }
  }
}
