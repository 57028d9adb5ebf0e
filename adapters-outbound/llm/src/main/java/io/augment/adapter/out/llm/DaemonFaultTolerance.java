package io.augment.adapter.out.llm;

import io.smallrye.faulttolerance.standalone.StandaloneFaultTolerance;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes standalone SmallRye Fault Tolerance run on daemon threads. Its defaults (a cached pool and a
 * timer thread, both non-daemon) keep a JVM alive after {@code main} returns, which hangs command-line
 * tools and {@code exec:java} benchmarks. The timer thread takes its daemon flag from the thread that
 * first initialises the library, so that is done here on a daemon thread. Under Quarkus with its
 * fault-tolerance extension the standalone implementation is not used and this only costs a thread.
 */
final class DaemonFaultTolerance {
  private static boolean done;

  private DaemonFaultTolerance() {}

  static synchronized void ensure() {
    if (done) {
      return;
    }
    done = true;
    try {
      StandaloneFaultTolerance.configure(DaemonFaultTolerance::daemonPool);
    } catch (IllegalStateException alreadyConfigured) {
      return; // someone else configured it first; theirs stands
    }
    Thread init = new Thread(StandaloneFaultTolerance::timerAccess, "augment-llm-fault-tolerance-init");
    init.setDaemon(true);
    init.start();
    try {
      init.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ExecutorService daemonPool() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "augment-llm-fault-tolerance-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
