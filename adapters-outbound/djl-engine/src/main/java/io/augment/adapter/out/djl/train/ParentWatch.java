package io.augment.adapter.out.djl.train;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a worker process when its parent goes, however it goes (kill -9 included): the parent holds
 * the write end of the worker's stdin and never writes, so end-of-file there means the parent is
 * gone; a poll of the parent process backs this up. The worker halts at once (no shutdown hooks),
 * leaving its lock to be found stale by pid and start time.
 */
final class ParentWatch {
  static final int EXIT_PARENT_GONE = 3;
  private static final long POLL_MILLIS = 500;

  private ParentWatch() {}

  /** Starts watching {@code stdin} and the parent process on daemon threads. */
  static void start(InputStream stdin) {
    Thread pipe = new Thread(() -> {
      try {
        while (stdin.read() >= 0) {
          // the parent never writes; anything read is ignored
        }
      } catch (IOException e) {
        // a broken pipe means the same as end-of-file
      }
      halt("its parent's pipe closed");
    }, "parent-pipe-watch");
    pipe.setDaemon(true);
    pipe.start();
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    if (parent != null) {
      Thread poll = new Thread(() -> {
        while (parent.isAlive()) {
          try {
            Thread.sleep(POLL_MILLIS);
          } catch (InterruptedException e) {
            return;
          }
        }
        halt("its parent process exited");
      }, "parent-process-watch");
      poll.setDaemon(true);
      poll.start();
    }
  }

  private static void halt(String why) {
    System.err.println(java.time.Instant.now() + " training worker stopping: " + why);
    System.err.flush();
    Runtime.getRuntime().halt(EXIT_PARENT_GONE);
  }
}
