package io.augment.adapter.in.openai;

import io.augment.domain.model.BackendUnavailableException;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Hands a completion streamed on one thread to the request thread that writes it out, so a
 * generator may call back on any thread, or on its caller's until it is done.
 */
final class CompletionEvents implements CompletionSink {
  sealed interface Event {}

  record Piece(String text) implements Event {}

  record Finished(Completion completion) implements Event {}

  record Failed(Throwable error) implements Event {}

  private final BlockingDeque<Event> events = new LinkedBlockingDeque<>();
  private final Duration timeout;

  CompletionEvents(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void token(String piece) {
    events.add(new Piece(piece));
  }

  @Override
  public void complete(Completion completion) {
    events.add(new Finished(completion));
  }

  @Override
  public void error(Throwable error) {
    events.add(new Failed(error));
  }

  /** Waits for the first event; returns the failure when it is one (consumed), else null (left queued). */
  Throwable awaitStart() {
    Event first = next();
    if (first instanceof Failed failed) {
      return failed.error();
    }
    events.addFirst(first);
    return null;
  }

  /** The next event; a generator silent for longer than the timeout counts as failed. */
  Event next() {
    try {
      Event e = events.pollFirst(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return e != null ? e : new Failed(new BackendUnavailableException("generator", "no output for " + timeout, null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed(e);
    }
  }
}
