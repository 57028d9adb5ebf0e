package io.augment.application.benchmark;

import io.augment.domain.job.Progress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The protocol's progress as one percentage: each stage has a weight (its expected share of the
 * time), and the stage in progress reports the fraction it has done. Rate and ETA follow from the
 * elapsed time.
 */
final class StagedProgress {
  static final long TOTAL = 1000;
  private static final System.Logger LOG = System.getLogger(KnowledgeInjection.class.getName());

  private final double[] weights;
  private final Consumer<Progress> sink;
  private final long start = System.nanoTime();
  private double before;
  private int stage = -1;
  private String name = "";

  StagedProgress(Consumer<Progress> sink, double... weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    this.weights = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      this.weights[i] = weights[i] / sum;
    }
    this.sink = sink;
  }

  /** Starts the next stage. */
  void next(String stageName) {
    if (stage >= 0) {
      before += weights[stage];
    }
    stage++;
    name = stageName;
    LOG.log(System.Logger.Level.INFO, "knowledge-injection benchmark: {0} ({1}% done)",
        stageName, Math.round(100 * before));
    fraction(0);
  }

  /** The stage in progress has done {@code f} (0 to 1) of its work. */
  void fraction(double f) {
    double share = before + weights[stage] * Math.max(0, Math.min(1, f));
    sink.accept(Progress.of(Math.round(share * TOTAL), TOTAL, "per-mille", Duration.ofNanos(System.nanoTime() - start)));
  }

  String stageName() {
    return name;
  }
}
