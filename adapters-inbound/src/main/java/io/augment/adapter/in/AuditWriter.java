package io.augment.adapter.in;

import io.augment.application.tenant.AuditTrail;
import io.augment.application.tenant.Principal;
import io.augment.domain.tenant.AuditEntry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes audit entries on one thread of its own, in the order calls finished: off the event loop
 * (the log may be a database) and outside the request's own context, which is ending as the entry
 * is written. Entries that wait together are written as one batch (one transaction), so a busy
 * server pays one commit per batch instead of one per call. At most {@value #BACKLOG} entries
 * wait; past that one is dropped and logged.
 */
@Singleton
public class AuditWriter {
  static final int BACKLOG = 10_000;
  static final int BATCH = 256;
  private static final Logger LOG = Logger.getLogger(AuditWriter.class);

  private final AuditTrail trail;
  private final BlockingQueue<AuditEntry> waiting = new ArrayBlockingQueue<>(BACKLOG);
  private final Thread writer;
  private volatile boolean stopping;

  public AuditWriter(AuditTrail trail) {
    this.trail = trail;
    this.writer = new Thread(this::writeUntilStopped, "augment-audit");
    writer.setDaemon(true);
    writer.start();
  }

  public void record(Principal caller, String protocol, String action, String resource, int outcome) {
    AuditEntry entry = trail.entry(caller, protocol, action, resource, outcome);
    if (!waiting.offer(entry)) {
      LOG.error("audit backlog full (" + BACKLOG + " entries): an entry was dropped");
    }
  }

  private void writeUntilStopped() {
    List<AuditEntry> batch = new ArrayList<>(BATCH);
    while (!stopping || !waiting.isEmpty()) {
      try {
        AuditEntry first = waiting.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        waiting.drainTo(batch, BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  /** The batch in one write; if that fails, entry by entry, so one bad entry costs only itself. */
  private void write(List<AuditEntry> batch) {
    try {
      trail.recordAll(List.copyOf(batch));
      return;
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        LOG.error("could not record an audit entry for " + batch.get(0).action() + " " + batch.get(0).resource(), e);
        return;
      }
    }
    for (AuditEntry entry : batch) {
      try {
        trail.recordAll(List.of(entry));
      } catch (RuntimeException e) {
        LOG.error("could not record an audit entry for " + entry.action() + " " + entry.resource(), e);
      }
    }
  }

  /** Writes what is waiting, for up to 10 seconds, when the application stops. */
  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    writer.join(TimeUnit.SECONDS.toMillis(10));
  }
}
