package io.augment.application.ingest;

import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import io.augment.domain.model.NotFoundException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Runs ingests in the background and keeps the latest {@code retained} jobs readable. */
public final class IngestJobs {
  private static final System.Logger LOG = System.getLogger(IngestJobs.class.getName());
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final IngestDocuments ingest;
  private final Executor executor;
  private final Clock clock;
  private final int retained;
  private final Map<String, IngestJob> jobs = new LinkedHashMap<>();
  private final Map<String, Boolean> cancelRequests = new java.util.concurrent.ConcurrentHashMap<>();

  public IngestJobs(IngestDocuments ingest, Executor executor, Clock clock, int retained) {
    this.ingest = ingest;
    this.executor = executor;
    this.clock = clock;
    this.retained = retained;
  }

  /** Accepts the documents and returns the QUEUED job at once. @throws NotFoundException for an unknown KB */
  public IngestJob submit(String knowledgeBase, List<IngestCommand> commands) {
    ingest.require(knowledgeBase);
    String id = UUID.randomUUID().toString();
    IngestJob job = new IngestJob(id, knowledgeBase, JobStatus.QUEUED, commands.size(),
        new Progress(0, 0, "chunks", 0, null), List.of(), null, clock.instant(), null);
    put(job);
    executor.execute(() -> run(job, commands));
    return job;
  }

  public Optional<IngestJob> find(String id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id));
    }
  }

  public IngestJob get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("ingest job", id));
  }

  public List<IngestJob> list() {
    synchronized (jobs) {
      return new ArrayList<>(jobs.values());
    }
  }

  /** Asks a running job to stop after its current batch. */
  public IngestJob cancel(String id) {
    IngestJob job = get(id);
    if (!job.status().finished()) {
      cancelRequests.put(id, true);
    }
    return job;
  }

  private void run(IngestJob queued, List<IngestCommand> commands) {
    String id = queued.id();
    long[] lastLog = {System.nanoTime()};
    update(id, j -> with(j, JobStatus.RUNNING, j.progress(), List.of(), null));
    try {
      List<IngestResult> results = ingest.ingestAll(queued.knowledgeBase(), commands, progress -> {
        update(id, j -> with(j, JobStatus.RUNNING, progress, List.of(), null));
        if (System.nanoTime() - lastLog[0] > LOG_EVERY_NANOS || progress.done() == progress.total()) {
          lastLog[0] = System.nanoTime();
          LOG.log(Level.INFO, () -> "ingest " + id + " into " + queued.knowledgeBase() + ": " + describe(progress));
        }
      }, () -> cancelRequests.containsKey(id));
      JobStatus end = cancelRequests.containsKey(id) ? JobStatus.CANCELLED : JobStatus.SUCCEEDED;
      update(id, j -> with(j, end, j.progress(), results, null));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ingest " + id + " failed", e);
      update(id, j -> with(j, JobStatus.FAILED, j.progress(), List.of(), e.getMessage()));
    } finally {
      cancelRequests.remove(id);
    }
  }

  static String describe(Progress p) {
    return String.format(java.util.Locale.ROOT, "%.1f%% (%d/%d %s), %.1f %s/s, ETA %s",
        p.percent(), p.done(), p.total(), p.unit(), p.ratePerSecond(), p.unit(),
        p.eta() == null ? "unknown" : p.eta().toSeconds() + "s");
  }

  private IngestJob with(IngestJob j, JobStatus status, Progress progress, List<IngestResult> results, String error) {
    return new IngestJob(j.id(), j.knowledgeBase(), status, j.documents(), progress, List.copyOf(results), error,
        j.submittedAt(), status.finished() ? clock.instant() : null);
  }

  private void update(String id, java.util.function.UnaryOperator<IngestJob> change) {
    synchronized (jobs) {
      jobs.computeIfPresent(id, (k, j) -> change.apply(j));
    }
  }

  private void put(IngestJob job) {
    synchronized (jobs) {
      jobs.put(job.id(), job);
      while (jobs.size() > retained) {
        String oldest = jobs.keySet().iterator().next();
        if (!jobs.get(oldest).status().finished()) {
          break;
        }
        jobs.remove(oldest);
      }
    }
  }
}
