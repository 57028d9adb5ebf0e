package io.augment.adapter.out.djl.train;

/** Learning-rate factor: linear warm-up over the first 5% of steps (at most 50), then cosine decay to 10%. */
final class Schedule {
  private Schedule() {}

  static double factor(int step, int totalSteps) {
    int warmup = Math.min(50, Math.max(1, totalSteps / 20));
    if (step < warmup) {
      return (step + 1) / (double) warmup;
    }
    double progress = (step - warmup) / (double) Math.max(1, totalSteps - warmup);
    return 0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
  }
}
