package io.augment.adapter.in.grpc;

import io.augment.adapter.in.grpc.v1.FineTuneJobUpdate;
import io.augment.application.adaptation.FineTuning;
import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuningJob;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Watch call: every {@value #POLL_MS} ms sends the job's events stored since the last poll;
 * once the job has ended it drains them once more (its last events are stored just after its end
 * state is visible), sends the final job and completes. Stops polling when the client cancels.
 */
final class JobWatch implements Runnable {
  static final long POLL_MS = 200;

  private final FineTuning fineTuning;
  private final String id;
  private final MultiEmitter<? super FineTuneJobUpdate> emitter;
  private long seq;
  private boolean ended;
  private volatile boolean done;
  private volatile ScheduledFuture<?> task;

  JobWatch(FineTuning fineTuning, String id, long afterSeq, MultiEmitter<? super FineTuneJobUpdate> emitter) {
    this.fineTuning = fineTuning;
    this.id = id;
    this.seq = afterSeq;
    this.emitter = emitter;
  }

  void schedule(ScheduledExecutorService scheduler) {
    emitter.onTermination(this::stop);
    task = scheduler.scheduleWithFixedDelay(this, 0, POLL_MS, TimeUnit.MILLISECONDS);
    if (done) {
      task.cancel(false);
    }
  }

  @Override
  public synchronized void run() {
    if (done) {
      return;
    }
    try {
      FineTuningJob job = fineTuning.get(id); // before the events: all stored up to this state are read below
      drain();
      if (!job.status().finished()) {
        return;
      }
      if (ended) {
        emitter.emit(FineTuneJobUpdate.newBuilder().setJob(FineTuneMessages.job(job)).build());
        stop();
        emitter.complete();
      }
      ended = true;
    } catch (RuntimeException e) {
      stop();
      emitter.fail(e);
    }
  }

  private void drain() {
    List<FineTuneEvent> page;
    do {
      page = fineTuning.events(id, seq, FineTuning.MAX_PAGE);
      for (FineTuneEvent event : page) {
        if (done) {
          return;
        }
        emitter.emit(FineTuneJobUpdate.newBuilder().setEvent(FineTuneMessages.event(event)).build());
        seq = event.seq();
      }
    } while (page.size() == FineTuning.MAX_PAGE);
  }

  private void stop() {
    done = true;
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
    }
  }
}
