package io.augment.adapter.out.djl;

import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.TrainingMetrics;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * One job's run in this process: its listener, worker process and place in the queue. Every change
 * of state and every cancel happen under this object's lock, and the end is reported under it, so a
 * cancel is never lost and exactly one end is heard: before the job leaves the queue a cancel ends it
 * cancelled at once; while it launches or runs a worker, the worker is killed (or killed as soon as
 * it is attached) and the run ends cancelled; once the artifact is installed the run has succeeded
 * and a cancel has no effect. A {@link #stop} (the engine closing) kills the worker and ends nothing:
 * the job stays on disk for {@link DjlFineTuner#resume}.
 */
final class FineTuneJob {
  enum State {
    QUEUED, RUNNING, ENDED
  }

  private final String id;
  private final FineTuneRequest request;
  private final FineTuneListener listener;
  private State state = State.QUEUED;
  private Process process;
  private Future<?> future;
  private boolean cancelled;
  private boolean stopped;

  FineTuneJob(String id, FineTuneRequest request, FineTuneListener listener) {
    this.id = id;
    this.request = request;
    this.listener = listener;
  }

  /** What installs a finished run's artifact; it throws to fail the run. */
  interface Install {
    TrainingMetrics run() throws Exception;
  }

  String id() {
    return id;
  }

  FineTuneRequest request() {
    return request;
  }

  FineTuneListener listener() {
    return listener;
  }

  synchronized State state() {
    return state;
  }

  synchronized void queued(Future<?> future) {
    this.future = future;
  }

  /** Leaves the queue: true and RUNNING, or false when the job was cancelled or stopped first. */
  synchronized boolean begin() {
    if (state != State.QUEUED || stopped) {
      return false;
    }
    state = State.RUNNING;
    return true;
  }

  /** Records the worker; one attached after a cancel or stop is killed at once. */
  synchronized void attach(Process worker) {
    process = worker;
    if (cancelled || stopped) {
      worker.destroyForcibly();
    }
  }

  synchronized Optional<ProcessHandle> worker() {
    return process == null || !process.isAlive() ? Optional.empty() : Optional.of(process.toHandle());
  }

  /** Whether the run must not go on: cancelled or stopped. */
  synchronized boolean interrupted() {
    return cancelled || stopped;
  }

  /** Cancels the job wherever it is; no effect once it ended. True when it ended it in the queue. */
  synchronized boolean cancel() {
    if (state == State.ENDED || stopped) {
      return false;
    }
    cancelled = true;
    if (state == State.QUEUED) {
      state = State.ENDED;
      if (future != null) {
        future.cancel(false);
      }
      end(listener::cancelled);
      return true;
    }
    if (process != null) {
      process.destroyForcibly();
    }
    return false;
  }

  /** Stops the run without ending it (the engine closes); it resumes in the next one. */
  synchronized void stop() {
    if (state == State.ENDED) {
      return;
    }
    stopped = true;
    if (future != null && state == State.QUEUED) {
      future.cancel(false);
    }
    if (process != null) {
      process.destroyForcibly();
    }
  }

  /**
   * Ends the run: cancelled if a cancel came, else failed with {@code error}, else installs and
   * succeeded. Returns false (reporting nothing) when it was stopped, so its folder must stay.
   */
  synchronized boolean complete(String error, Install install) {
    if (state == State.ENDED) {
      return true;
    }
    if (cancelled) {
      state = State.ENDED;
      end(listener::cancelled);
      return true;
    }
    if (stopped && error != null) {
      return false;
    }
    state = State.ENDED;
    if (error != null) {
      end(() -> listener.failed(error));
      return true;
    }
    TrainingMetrics metrics;
    try {
      metrics = install.run();
    } catch (Exception e) {
      String reason = e.getMessage() == null ? "the artifact could not be installed" : e.getMessage();
      end(() -> listener.failed(reason));
      return true;
    }
    end(() -> listener.succeeded(metrics));
    return true;
  }

  /** Reports the end; a listener that throws is logged (the run has ended all the same). */
  private void end(Runnable report) {
    try {
      report.run();
    } catch (RuntimeException e) {
      System.getLogger(FineTuneJob.class.getName()).log(System.Logger.Level.WARNING,
          "fine-tune job " + id + ": its listener failed on the run's end: " + e);
    }
  }
}
