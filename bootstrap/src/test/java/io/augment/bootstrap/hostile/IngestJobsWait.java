package io.augment.bootstrap.hostile;

import java.time.Duration;
import java.time.Instant;

/** Waits until no ingest job is queued or running, so that a wrongly accepted job's writes land before the next read. */
final class IngestJobsWait {
  private IngestJobsWait() {}

  static void untilIdle(Http http) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      String jobs = http.get("/api/v1/ingest-jobs").body();
      if (!jobs.contains("\"queued\"") && !jobs.contains("\"running\"")) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
