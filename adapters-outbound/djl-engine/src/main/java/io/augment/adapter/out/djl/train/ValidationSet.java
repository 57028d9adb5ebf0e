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

  private ValidationSet(int[][] windows) {
    this.windows = windows;
  }

  static ValidationSet of(List<String> texts, BpeTokenizer tokenizer, int sequenceLength) {
    int[] stream = TokenBatches.of(texts, tokenizer, 1, sequenceLength, 0).tokens();
    int width = sequenceLength + 1;
    int count = Math.max(1, Math.min(MAX_WINDOWS, stream.length / width));
    int span = stream.length - width;
    int[][] windows = new int[count][];
    for (int i = 0; i < count; i++) {
      int start = count == 1 ? 0 : (int) ((long) span * i / (count - 1));
      windows[i] = Arrays.copyOfRange(stream, start, start + width);
    }
    return new ValidationSet(windows);
  }

  /** Mean next-token cross-entropy of {@code model} (with {@code delta}, no dropout) over the windows. */
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
      return Trainer.crossEntropy(logits, model.tokens(targets)).getFloat();
    }
  }
}
