package io.augment.adapter.out.djl;

import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs fine-tuning jobs on one background thread, so jobs queue and never train concurrently
 * (DJL allows one gradient collector per JVM). Job state lives in memory.
 */
public final class DjlFineTuner implements FineTuner, AutoCloseable {
  private final DjlLocalEngine engine;
  private final Map<String, AdaptationJob> jobs = new ConcurrentHashMap<>();
  private final Map<String, Boolean> cancelled = new ConcurrentHashMap<>();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "djl-fine-tuner");
    t.setDaemon(true);
    return t;
  });

  public DjlFineTuner(Path root, DjlEngineConfig config) {
    this.engine = new DjlLocalEngine(root);
  }

  @Override
  public AdaptationJob start(FineTuneRequest request) {
    engine.validate(request);
    String id = UUID.randomUUID().toString();
    AdaptationJob queued = new AdaptationJob(id, request, JobStatus.QUEUED, new Progress(0, 0, "steps", 0, null), null, null);
    jobs.put(id, queued);
    worker.submit(() -> run(id, request));
    return queued;
  }

  private void run(String id, FineTuneRequest request) {
    if (cancelled.containsKey(id)) {
      return;
    }
    long start = System.nanoTime();
    update(id, JobStatus.RUNNING, new Progress(0, 0, "steps", 0, null), null, null);
    try {
      var metrics = engine.fineTune(request, new Trainer.Listener() {
        @Override
        public void step(int done, int total, double loss, double tokensPerSecond) {
          update(id, JobStatus.RUNNING, Progress.of(done, total, "steps", Duration.ofNanos(System.nanoTime() - start)),
              null, null);
        }

        @Override
        public boolean cancelled() {
          return cancelled.containsKey(id);
        }
      });
      JobStatus end = cancelled.containsKey(id) ? JobStatus.CANCELLED : JobStatus.SUCCEEDED;
      update(id, end, jobs.get(id).progress(), metrics, null);
    } catch (RuntimeException e) {
      update(id, JobStatus.FAILED, jobs.get(id).progress(), null, String.valueOf(e.getMessage()));
    }
  }

  private void update(String id, JobStatus status, Progress progress, AdaptationJob.TrainingMetrics metrics, String error) {
    jobs.computeIfPresent(id, (k, j) -> j.status().finished() ? j
        : new AdaptationJob(id, j.request(), status, progress, metrics, error));
  }

  @Override
  public Optional<AdaptationJob> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public List<AdaptationJob> jobs() {
    return List.copyOf(jobs.values());
  }

  @Override
  public void cancel(String id) {
    AdaptationJob job = jobs.get(id);
    if (job == null || job.status().finished()) {
      return;
    }
    cancelled.put(id, true);
    if (job.status() == JobStatus.QUEUED) {
      update(id, JobStatus.CANCELLED, job.progress(), null, null);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
