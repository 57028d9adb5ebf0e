package io.augment.adapter.out.djl;

import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.AdaptationJob.TrainingMetrics;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * A fine-tuning job's changing state, its worker process and its place in the queue. Every change
 * of state and every cancel happen under this object's lock, so a cancel is never lost: before the
 * job leaves the queue it ends CANCELLED at once; while it launches or runs its worker, the worker
 * is killed (or killed as soon as it is attached) and the job ends CANCELLED; once the artifact is
 * installed the job is SUCCEEDED and a cancel has no effect.
 */
final class FineTuneJob {
  private final long sequence;
  private volatile AdaptationJob state;
  private Process process;
  private Future<?> future;
  private boolean cancelled;
  private long startedNanos;

  FineTuneJob(long sequence, String id, FineTuneRequest request) {
    this.sequence = sequence;
    this.state = new AdaptationJob(id, request, JobStatus.QUEUED, new Progress(0, 0, "steps", 0, null), null, null);
  }

  /** What installs a finished run's artifact; it throws to fail the job. */
  interface Install {
    void run() throws Exception;
  }

  long sequence() {
    return sequence;
  }

  AdaptationJob state() {
    return state;
  }

  /** Applies a progress {@code change} unless the job already finished. */
  synchronized void update(UnaryOperator<AdaptationJob> change) {
    if (!state.status().finished()) {
      state = change.apply(state);
    }
  }

  synchronized void queued(Future<?> future) {
    this.future = future;
  }

  /** Leaves the queue: true and RUNNING, or false when the job was cancelled first. */
  synchronized boolean begin() {
    if (cancelled) {
      return false;
    }
    startedNanos = System.nanoTime();
    state = with(JobStatus.RUNNING, state.progress(), state.metrics(), null);
    return true;
  }

  /** Records the worker; one attached after a cancel is killed at once. */
  synchronized void attach(Process worker) {
    process = worker;
    if (cancelled) {
      worker.destroyForcibly();
    }
  }

  synchronized boolean cancelled() {
    return cancelled;
  }

  /** Cancels the job wherever it is; no effect once it finished. */
  synchronized void cancel() {
    if (state.status().finished()) {
      return;
    }
    cancelled = true;
    if (state.status() == JobStatus.QUEUED) {
      state = with(JobStatus.CANCELLED, state.progress(), state.metrics(), null);
      if (future != null) {
        future.cancel(false);
      }
    } else if (process != null) {
      process.destroyForcibly();
    }
  }

  /** Ends the job: CANCELLED if a cancel came, else FAILED with {@code error}, else installs and SUCCEEDED. */
  synchronized AdaptationJob complete(String error, Install install, Progress progress, TrainingMetrics metrics) {
    if (state.status().finished()) {
      return state;
    }
    if (cancelled) {
      state = with(JobStatus.CANCELLED, state.progress(), state.metrics(), null);
    } else if (error != null) {
      state = with(JobStatus.FAILED, state.progress(), state.metrics(), error);
    } else {
      try {
        install.run();
        state = with(JobStatus.SUCCEEDED, progress, metrics, null);
      } catch (Exception e) {
        state = with(JobStatus.FAILED, state.progress(), state.metrics(), e.getMessage());
      }
    }
    return state;
  }

  /** Steps done of total, at the measured tokens/s, with an ETA from the step rate so far. */
  synchronized Progress progress(int done, int total, double tokensPerSecond) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
    Progress steps = Progress.of(done, total, "steps", elapsed);
    return new Progress(done, total, "steps", tokensPerSecond, steps.eta());
  }

  private AdaptationJob with(JobStatus status, Progress progress, TrainingMetrics metrics, String error) {
    return new AdaptationJob(state.id(), state.request(), status, progress, metrics, error);
  }
}
