package io.augment.adapter.in;

import io.augment.application.tenant.AuditTrail;
import io.augment.application.tenant.Principal;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes audit entries on one thread of its own, in the order calls finished: off the event loop
 * (the log may be a database) and outside the request's own context, which is ending as the entry
 * is written. At most {@value #BACKLOG} entries wait; past that one is dropped and logged.
 */
@Singleton
public class AuditWriter {
  static final int BACKLOG = 10_000;
  private static final Logger LOG = Logger.getLogger(AuditWriter.class);

  private final AuditTrail trail;
  private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(BACKLOG), runnable -> {
        Thread thread = new Thread(runnable, "augment-audit");
        thread.setDaemon(true);
        return thread;
      }, (runnable, executor) -> LOG.error("audit backlog full (" + BACKLOG + " entries): an entry was dropped"));

  public AuditWriter(AuditTrail trail) {
    this.trail = trail;
  }

  public void record(Principal caller, String protocol, String action, String resource, int outcome) {
    writer.execute(() -> {
      try {
        trail.record(caller, protocol, action, resource, outcome);
      } catch (RuntimeException e) {
        LOG.error("could not record an audit entry for " + action + " " + resource, e);
      }
    });
  }

  /** Writes what is waiting, for up to 10 seconds, when the application stops. */
  @PreDestroy
  void stop() throws InterruptedException {
    writer.shutdown();
    writer.awaitTermination(10, TimeUnit.SECONDS);
  }
}
