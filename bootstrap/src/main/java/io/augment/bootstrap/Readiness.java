package io.augment.bootstrap;

import io.augment.adapter.out.langchain4j.LazyEmbeddingModel;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.VectorIndex;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * Opens the vector index and loads the default embedding model (when it runs in-process) in the
 * background after start-up; {@code /q/health/ready} is DOWN until both are usable. A remote model
 * is not called here: its server is guarded per request (timeouts, retries, circuit breaker).
 */
@Singleton
@org.eclipse.microprofile.health.Readiness
public class Readiness implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(Readiness.class);

  private final Instance<EmbeddingModel> model;
  private final Instance<VectorIndex> index;
  private final AtomicReference<String> state = new AtomicReference<>("loading");

  public Readiness(Instance<EmbeddingModel> model, Instance<VectorIndex> index) {
    this.model = model;
    this.index = index;
  }

  private volatile Thread loader;

  void onStart(@Observes StartupEvent event) {
    Thread t = new Thread(this::load, "augment-warmup");
    t.setDaemon(true);
    loader = t;
    t.start();
  }

  /**
   * Waits (bounded) for a warm-up still inside native code: a JVM that exits while ONNX Runtime is
   * creating a session crashes in the runtime's teardown (seen when a short test run stopped the app).
   */
  void onStop(@Observes io.quarkus.runtime.ShutdownEvent event) throws InterruptedException {
    Thread t = loader;
    if (t != null) {
      t.join(60_000);
    }
  }

  private void load() {
    try {
      long start = System.nanoTime();
      index.get().collectionExists("warmup");
      EmbeddingModel m = model.get();
      if (m instanceof LazyEmbeddingModel lazy) {
        lazy.load().embed("warm up");
      }
      state.set("ready");
      LOG.infof("ready after %d ms: index open, embedding model %s usable", (System.nanoTime() - start) / 1_000_000,
          m.spec().modelId());
    } catch (RuntimeException e) {
      state.set("failed: " + e.getMessage());
      LOG.error("warm-up failed; the service stays not ready", e);
    }
  }

  @Override
  public HealthCheckResponse call() {
    String s = state.get();
    return HealthCheckResponse.named("augment").status("ready".equals(s)).withData("state", s).build();
  }
}
