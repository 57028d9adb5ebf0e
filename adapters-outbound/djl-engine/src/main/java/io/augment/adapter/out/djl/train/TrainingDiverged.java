package io.augment.adapter.out.djl.train;

/** Training produced a non-finite loss, gradients or weights; nothing from the run may be saved. */
public final class TrainingDiverged extends RuntimeException {
  TrainingDiverged(String message) {
    super(message);
  }

  static TrainingDiverged loss(double loss, int step) {
    return new TrainingDiverged("loss became " + (Double.isNaN(loss) ? "NaN" : "infinite") + " at step " + step
        + "; lower training.learningRate");
  }

  static TrainingDiverged gradients(int step) {
    return new TrainingDiverged("gradients became NaN or infinite at step " + step + "; lower training.learningRate");
  }

  static TrainingDiverged weights(int step) {
    return new TrainingDiverged("weights became NaN or infinite by step " + step + "; lower training.learningRate");
  }
}
