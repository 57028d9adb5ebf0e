package io.augment.application.job;

import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import io.augment.domain.model.NotFoundException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Runs jobs of one kind on an executor, keeps the latest {@code retained} readable, logs progress
 * (percent, rate, ETA) every few seconds, and cancels on request.
 */
public final class BackgroundJobs<R> {
  private static final System.Logger LOG = System.getLogger(BackgroundJobs.class.getName());
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final String kind;
  private final String unit;
  private final Executor executor;
  private final Clock clock;
  private final int retained;
  private final Map<String, Job<R>> jobs = new LinkedHashMap<>();
  private final Set<String> cancelRequests = ConcurrentHashMap.newKeySet();

  public BackgroundJobs(String kind, String unit, Executor executor, Clock clock, int retained) {
    this.kind = kind;
    this.unit = unit;
    this.executor = executor;
    this.clock = clock;
    this.retained = retained;
  }

  /** Queues the task and returns the QUEUED job at once. */
  public Job<R> submit(String subject, JobTask<R> task) {
    Job<R> job = new Job<>(UUID.randomUUID().toString(), kind, subject, JobStatus.QUEUED,
        new Progress(0, 0, unit, 0, null), null, null, clock.instant(), null);
    put(job);
    executor.execute(() -> run(job, task));
    return job;
  }

  public Optional<Job<R>> find(String id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id));
    }
  }

  public Job<R> get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException(kind + " job", id));
  }

  public List<Job<R>> list() {
    synchronized (jobs) {
      return new ArrayList<>(jobs.values());
    }
  }

  /** Asks an unfinished job to stop at its next check. */
  public Job<R> cancel(String id) {
    Job<R> job = get(id);
    if (!job.status().finished()) {
      cancelRequests.add(id);
    }
    return job;
  }

  private void run(Job<R> queued, JobTask<R> task) {
    String id = queued.id();
    long[] lastLog = {System.nanoTime()};
    update(id, j -> with(j, JobStatus.RUNNING, j.progress(), null, null));
    try {
      R result = task.run(progress -> {
        update(id, j -> with(j, JobStatus.RUNNING, progress, null, null));
        if (System.nanoTime() - lastLog[0] > LOG_EVERY_NANOS || progress.done() == progress.total()) {
          lastLog[0] = System.nanoTime();
          LOG.log(Level.INFO, () -> kind + " " + id + " on " + queued.subject() + ": " + describe(progress));
        }
      }, () -> cancelRequests.contains(id));
      JobStatus end = cancelRequests.contains(id) ? JobStatus.CANCELLED : JobStatus.SUCCEEDED;
      update(id, j -> with(j, end, j.progress(), result, null));
    } catch (CancellationException e) {
      update(id, j -> with(j, JobStatus.CANCELLED, j.progress(), null, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, kind + " " + id + " failed", e);
      update(id, j -> with(j, JobStatus.FAILED, j.progress(), null, e.getMessage()));
    } finally {
      cancelRequests.remove(id);
    }
  }

  /** {@code 45.0% (450/1000 chunks), 85.3 chunks/s, ETA 6s}. */
  public static String describe(Progress p) {
    return String.format(Locale.ROOT, "%.1f%% (%d/%d %s), %.1f %s/s, ETA %s",
        p.percent(), p.done(), p.total(), p.unit(), p.ratePerSecond(), p.unit(),
        p.eta() == null ? "unknown" : p.eta().toSeconds() + "s");
  }

  private Job<R> with(Job<R> j, JobStatus status, Progress progress, R result, String error) {
    return new Job<>(j.id(), j.kind(), j.subject(), status, progress, result, error, j.submittedAt(),
        status.finished() ? clock.instant() : null);
  }

  private void update(String id, UnaryOperator<Job<R>> change) {
    synchronized (jobs) {
      jobs.computeIfPresent(id, (k, j) -> change.apply(j));
    }
  }

  private void put(Job<R> job) {
    synchronized (jobs) {
      jobs.put(job.id(), job);
      var it = jobs.values().iterator();
      while (jobs.size() > retained && it.hasNext()) {
        if (it.next().status().finished()) {
          it.remove();
        }
      }
    }
  }
}
