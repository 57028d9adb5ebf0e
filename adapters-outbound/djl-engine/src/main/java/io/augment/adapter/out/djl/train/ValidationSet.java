package io.augment.adapter.out.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed set of up to {@value #MAX_WINDOWS} windows from the validation texts, evenly spaced over
 * their joined tokens, on which a run's loss is measured without gradients.
 */
final class ValidationSet {
  static final int MAX_WINDOWS = 8;
  private final int[][] windows;
  /** The targets' loss weights (context tokens 0), null when every target counts. */
  private final float[][] weights;

  private ValidationSet(int[][] windows, float[][] weights) {
    this.windows = windows;
    this.weights = weights;
  }

  static ValidationSet of(List<String> texts, BpeTokenizer tokenizer, int sequenceLength) {
    return ofTexts(TrainingText.plain(texts), tokenizer, sequenceLength);
  }

  static ValidationSet ofTexts(List<TrainingText> texts, BpeTokenizer tokenizer, int sequenceLength) {
    TokenBatches batches = TokenBatches.ofTexts(texts, tokenizer, 1, sequenceLength, 0);
    int[] stream = batches.tokens();
    boolean masked = batches.learnedMask() != null;
    int width = sequenceLength + 1;
    int count = Math.max(1, Math.min(MAX_WINDOWS, stream.length / width));
    int span = stream.length - width;
    int[][] windows = new int[count][];
    float[][] weights = masked ? new float[count][] : null;
    for (int i = 0; i < count; i++) {
      int start = count == 1 ? 0 : (int) ((long) span * i / (count - 1));
      windows[i] = Arrays.copyOfRange(stream, start, start + width);
      if (masked) {
        weights[i] = batches.weights(start);
      }
    }
    return new ValidationSet(windows, weights);
  }

  /** Next-token cross-entropy (over the learned targets) of {@code model} (with {@code delta}, no dropout) over the windows. */
  double loss(GptModel model, LoraDelta delta) {
    int time = windows[0].length - 1;
    int[][] inputs = new int[windows.length][];
    int[][] targets = new int[windows.length][];
    for (int row = 0; row < windows.length; row++) {
      inputs[row] = Arrays.copyOfRange(windows[row], 0, time);
      targets[row] = Arrays.copyOfRange(windows[row], 1, time + 1);
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray logits = model.forward(model.tokens(inputs), delta, null, false);
      return Trainer.crossEntropy(logits, model.tokens(targets), Trainer.weights(model.manager(), weights)).getFloat();
    }
  }
}
