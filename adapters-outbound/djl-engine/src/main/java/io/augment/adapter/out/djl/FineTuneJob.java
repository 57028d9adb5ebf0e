package io.augment.adapter.out.djl;

import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/** A fine-tuning job's changing state, its worker process and its place in the queue. */
final class FineTuneJob {
  private final long sequence;
  private volatile AdaptationJob state;
  private volatile Process process;
  private volatile Future<?> future;
  private volatile boolean cancelled;
  private long startedNanos;

  FineTuneJob(long sequence, String id, FineTuneRequest request) {
    this.sequence = sequence;
    this.state = new AdaptationJob(id, request, JobStatus.QUEUED, new Progress(0, 0, "steps", 0, null), null, null);
  }

  long sequence() {
    return sequence;
  }

  AdaptationJob state() {
    return state;
  }

  /** Applies {@code change} unless the job already finished. */
  synchronized AdaptationJob update(UnaryOperator<AdaptationJob> change) {
    if (!state.status().finished()) {
      state = change.apply(state);
    }
    return state;
  }

  synchronized void started() {
    startedNanos = System.nanoTime();
  }

  /** Steps done of total, at the measured tokens/s, with an ETA from the step rate so far. */
  synchronized Progress progress(int done, int total, double tokensPerSecond) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
    Progress steps = Progress.of(done, total, "steps", elapsed);
    return new Progress(done, total, "steps", tokensPerSecond, steps.eta());
  }

  void attach(Process process, Future<?> future) {
    if (process != null) {
      this.process = process;
    }
    if (future != null) {
      this.future = future;
    }
  }

  boolean cancelled() {
    return cancelled;
  }

  void cancel() {
    cancelled = true;
    Future<?> queued = future;
    if (queued != null) {
      queued.cancel(false);
    }
    Process running = process;
    if (running != null) {
      running.destroyForcibly();
    }
  }
}
