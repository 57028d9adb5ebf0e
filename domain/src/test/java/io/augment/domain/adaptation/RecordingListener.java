package io.augment.domain.adaptation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link FineTuneListener} that records what it hears, for tests. */
public final class RecordingListener implements FineTuneListener {
  /** One callback, with its arguments in words. */
  public record Heard(String kind, String detail) {}

  public final List<Heard> heard = new CopyOnWriteArrayList<>();
  public volatile TrainingMetrics metrics;
  public volatile String reason;
  public volatile List<FineTuneCheckpoint> checkpoints = List.of();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final CountDownLatch stepped = new CountDownLatch(1);

  @Override
  public void running(long totalParameters, long trainableParameters, int totalSteps) {
    heard.add(new Heard("running", totalParameters + "/" + trainableParameters + "/" + totalSteps));
  }

  @Override
  public void step(int step, int totalSteps, double loss, Double validationLoss, double tokensPerSecond) {
    heard.add(new Heard("step", step + "/" + totalSteps + " loss " + loss + " validation " + validationLoss));
    stepped.countDown();
  }

  @Override
  public void checkpoint(FineTuneCheckpoint saved, List<FineTuneCheckpoint> kept) {
    heard.add(new Heard("checkpoint", Integer.toString(saved.step())));
    checkpoints = List.copyOf(kept);
  }

  @Override
  public void warning(String message) {
    heard.add(new Heard("warning", message));
  }

  @Override
  public void succeeded(TrainingMetrics metrics) {
    this.metrics = metrics;
    heard.add(new Heard("succeeded", ""));
    ended.countDown();
  }

  @Override
  public void failed(String reason) {
    this.reason = reason;
    heard.add(new Heard("failed", reason));
    ended.countDown();
  }

  @Override
  public void cancelled() {
    heard.add(new Heard("cancelled", ""));
    ended.countDown();
  }

  /** Waits for the end of the run; throws when it does not come within {@code timeout}. */
  public Heard awaitEnd(Duration timeout) throws InterruptedException {
    if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the run did not end within " + timeout + "; heard " + heard);
    }
    return ends().get(0);
  }

  /** Waits for the first step. */
  public void awaitStep(Duration timeout) throws InterruptedException {
    if (!stepped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("no step within " + timeout + "; heard " + heard);
    }
  }

  /** The terminal callbacks heard (a correct trainer reports exactly one). */
  public List<Heard> ends() {
    return heard.stream().filter(h -> List.of("succeeded", "failed", "cancelled").contains(h.kind())).toList();
  }

  public List<Heard> of(String kind) {
    return heard.stream().filter(h -> h.kind().equals(kind)).toList();
  }
}
