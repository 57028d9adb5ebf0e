package io.augment.domain.adaptation;

import java.util.List;

/** Passes every report on to another listener; tests override one method to act on it. */
public class ForwardingListener implements FineTuneListener {
  private final FineTuneListener to;

  public ForwardingListener(FineTuneListener to) {
    this.to = to;
  }

  @Override
  public void running(long totalParameters, long trainableParameters, int totalSteps) {
    to.running(totalParameters, trainableParameters, totalSteps);
  }

  @Override
  public void step(int step, int totalSteps, double loss, Double validationLoss, double tokensPerSecond) {
    to.step(step, totalSteps, loss, validationLoss, tokensPerSecond);
  }

  @Override
  public void checkpoint(FineTuneCheckpoint saved, List<FineTuneCheckpoint> kept) {
    to.checkpoint(saved, kept);
  }

  @Override
  public void warning(String message) {
    to.warning(message);
  }

  @Override
  public void succeeded(TrainingMetrics metrics) {
    to.succeeded(metrics);
  }

  @Override
  public void failed(String reason) {
    to.failed(reason);
  }

  @Override
  public void cancelled() {
    to.cancelled();
  }
}
