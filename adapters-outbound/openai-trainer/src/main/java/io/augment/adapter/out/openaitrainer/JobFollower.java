package io.augment.adapter.out.openaitrainer;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.CapacityExceededException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows one remote job until it ends: polls the job, its new events and (after new steps) its
 * checkpoints, reports them, and keeps the state file's cursor current so a resume reports nothing
 * twice (at most the last poll's events, should the process stop between reporting and storing).
 * Failed polls are retried at every interval; a remote that has not answered one poll for
 * {@link OpenAiTrainerConfig#followPatience()} fails the job. Nothing escapes the thread unreported.
 */
final class JobFollower implements Runnable {
  private static final System.Logger LOG = System.getLogger(JobFollower.class.getName());

  private final TrainerApi api;
  private final StateStore store;
  private final OpenAiTrainerConfig config;
  private final Runnable onExit;
  private final Object wake = new Object();
  private final ProgressReporter reporter;
  private volatile JobState state;
  private volatile boolean stopped;
  private volatile Thread thread;
  private boolean woken;

  JobFollower(TrainerApi api, StateStore store, OpenAiTrainerConfig config, JobState state, OnceListener listener,
      Runnable onExit) {
    this.api = api;
    this.store = store;
    this.config = config;
    this.state = state;
    this.reporter = new ProgressReporter(listener, state.tokensPerSecond());
    this.onExit = onExit;
  }

  JobState state() {
    return state;
  }

  /** Reports from now on to {@code other} (a resume in the same process). */
  void listenTo(OnceListener other) {
    reporter.listenTo(other);
    poke();
  }

  /** Polls now rather than after the interval. */
  void poke() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  /** Stops following without reporting anything; the state file stays for a later resume. */
  void stop() {
    stopped = true;
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    long lastAnswer = System.nanoTime();
    boolean outage = false;
    try {
      while (!stopped && !reporter.listener().ended()) {
        try {
          if (pollOnce()) {
            return;
          }
          lastAnswer = System.nanoTime();
          outage = false;
        } catch (RuntimeException e) {
          if (stopped) {
            return;
          }
          Duration silent = Duration.ofNanos(System.nanoTime() - lastAnswer);
          if (silent.compareTo(config.followPatience()) >= 0) {
            boolean remote = e instanceof BackendUnavailableException || e instanceof CapacityExceededException;
            end(FineTuneStatus.FAILED, null, "the remote trainer at " + config.host() + " could not be "
                + (remote ? "reached" : "followed") + " for " + Math.max(1, Math.round(silent.toMillis() / 1000.0))
                + " s: " + withoutBackend(e), 0, 0);
            return;
          }
          LOG.log(outage ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, "poll of fine-tuning job "
              + state.jobId() + " failed; retrying for up to " + config.followPatience() + ": " + e.getMessage());
          outage = true;
        }
        pause();
      }
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, "following fine-tuning job " + state.jobId() + " failed", e);
      if (!stopped) {
        reporter.listener().failed("following the job on the remote trainer failed: " + e.getClass().getSimpleName());
      }
    } finally {
      onExit.run();
    }
  }

  /** One poll; true when the job ended (and that was reported). */
  private boolean pollOnce() {
    Optional<JsonNode> found = api.job(state.remoteJobId());
    if (found.isEmpty()) {
      end(FineTuneStatus.FAILED, null, "the remote trainer at " + config.host() + " no longer knows job "
          + state.remoteJobId(), 0, 0);
      return true;
    }
    JsonNode job = found.get();
    FineTuneStatus status = status(job.path("status").asText(), state.status());
    List<JsonNode> events = api.eventsSince(state.remoteJobId(), state.lastEventId());
    if (status == FineTuneStatus.RUNNING || status == FineTuneStatus.SUCCEEDED) {
      reporter.running(ProgressReporter.firstTotal(events));
    }
    boolean stepped = reporter.events(events);
    String lastEvent = state.lastEventId();
    for (JsonNode event : events) {
      String id = event.path("id").asText("");
      lastEvent = id.isBlank() ? lastEvent : id;
    }
    int checkpointStep = stepped || status.finished()
        ? reporter.checkpoints(api.checkpoints(state.remoteJobId()), state.lastCheckpointStep())
        : state.lastCheckpointStep();
    JobState seen = state.seen(lastEvent, checkpointStep, status, reporter.tokensPerSecond());
    if (!seen.equals(state)) {
      store.write(seen);
      state = seen;
    }
    if (!status.finished()) {
      return false;
    }
    if (status == FineTuneStatus.SUCCEEDED) {
      succeed(job);
    } else if (status == FineTuneStatus.FAILED) {
      JsonNode message = job.path("error").path("message");
      end(FineTuneStatus.FAILED, null, "the remote trainer failed the job: "
          + (message.isTextual() ? message.asText() : "(it gave no reason)"), 0, seconds(job));
    } else {
      end(FineTuneStatus.CANCELLED, null, null, 0, seconds(job));
    }
    return true;
  }

  private void succeed(JsonNode job) {
    JsonNode model = job.path("fine_tuned_model");
    if (!model.isTextual() || model.asText().isBlank()) {
      end(FineTuneStatus.FAILED, null, "the remote trainer reported success without a fine_tuned_model", 0, 0);
      return;
    }
    long tokens = Math.max(0, job.path("trained_tokens").asLong(0));
    double seconds = seconds(job);
    if (state.tokensPerSecond() <= 0 && seconds > 0) {
      state = state.seen(state.lastEventId(), state.lastCheckpointStep(), state.status(), tokens / seconds);
    }
    end(FineTuneStatus.SUCCEEDED, model.asText(), null, tokens, seconds);
  }

  /** Stores the end, then reports it; the record of a trained model is durable before anyone hears of it. */
  private void end(FineTuneStatus status, String model, String reason, long tokens, double seconds) {
    JobState ended = state.ended(status, model, reason, tokens, seconds, state.tokensPerSecond());
    OnceListener listener = reporter.listener();
    try {
      store.write(ended);
      state = ended;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "cannot store the end of fine-tuning job " + state.jobId(), e);
      if (status == FineTuneStatus.SUCCEEDED) {
        listener.failed("the remote trainer made " + model + " but its record could not be stored locally");
        return;
      }
    }
    switch (status) {
      case SUCCEEDED -> {
        reporter.running(0);
        listener.succeeded(reporter.metrics(tokens, ended.tokensPerSecond()));
      }
      case CANCELLED -> listener.cancelled();
      default -> listener.failed(reason);
    }
  }

  private String withoutBackend(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    String prefix = api.backend() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static double seconds(JsonNode job) {
    long created = job.path("created_at").asLong(0);
    long finished = job.path("finished_at").asLong(0);
    return created > 0 && finished >= created ? finished - created : 0;
  }

  private static FineTuneStatus status(String wire, FineTuneStatus previous) {
    try {
      return FineTuneStatus.valueOf(wire.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return previous;
    }
  }

  private void pause() {
    synchronized (wake) {
      long until = System.nanoTime() + config.pollInterval().toNanos();
      try {
        while (!woken && !stopped) {
          long left = until - System.nanoTime();
          if (left <= 0) {
            break;
          }
          wake.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
      woken = false;
    }
  }
}
