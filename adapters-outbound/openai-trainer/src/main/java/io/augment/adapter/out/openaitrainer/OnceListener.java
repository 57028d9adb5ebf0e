package io.augment.adapter.out.openaitrainer;

import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.TrainingMetrics;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Passes reports on until the first end and drops everything after it; a listener that throws is
 * logged, never allowed to stop the follower.
 */
final class OnceListener {
  private static final System.Logger LOG = System.getLogger(OnceListener.class.getName());
  private final FineTuneListener target;
  private final String jobId;
  private final AtomicBoolean ended = new AtomicBoolean();

  OnceListener(FineTuneListener target, String jobId) {
    this.target = target;
    this.jobId = jobId;
  }

  boolean ended() {
    return ended.get();
  }

  void running(int totalSteps) {
    report(() -> target.running(0, 0, totalSteps));
  }

  void step(int step, int totalSteps, double loss, Double validationLoss, double tokensPerSecond) {
    report(() -> target.step(step, totalSteps, loss, validationLoss, tokensPerSecond));
  }

  void checkpoint(FineTuneCheckpoint saved, List<FineTuneCheckpoint> kept) {
    report(() -> target.checkpoint(saved, kept));
  }

  void warning(String message) {
    report(() -> target.warning(message));
  }

  void succeeded(TrainingMetrics metrics) {
    end(() -> target.succeeded(metrics));
  }

  void failed(String reason) {
    end(() -> target.failed(reason));
  }

  void cancelled() {
    end(target::cancelled);
  }

  private void report(Runnable call) {
    if (!ended.get()) {
      safely(call);
    }
  }

  private void end(Runnable call) {
    if (ended.compareAndSet(false, true)) {
      safely(call);
    }
  }

  private void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the listener of fine-tuning job " + jobId + " failed", e);
    }
  }
}
