package io.augment.adapter.out.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Tiny models and corpora shared by the tests. */
final class Tiny {
  static final GptConfig CONFIG = new GptConfig(300, 16, 32, 2, 2);
  static final LoraSettings LORA = new LoraSettings(4, 8, 0.0, Set.of("q_proj", "v_proj", "c_proj", "mlp.fc"));

  private Tiny() {}

  static List<String> corpus() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      texts.add("the cat sat on the mat. the dog sat on the log. ");
      texts.add("a bird sang in the tree and the sun rose. ");
    }
    return texts;
  }

  /** Text of another domain, for adapting a model trained on {@link #corpus}. */
  static List<String> otherCorpus() {
    return List.of("the sun sat on the dog. the tree sang on the mat. ".repeat(8));
  }

  static TrainingSettings steps(int steps, double lr) {
    return new TrainingSettings(1, steps, 4, 16, lr, 7);
  }

  static int[] tokens(ByteBpeTokenizer tokenizer, List<String> texts) {
    List<Integer> all = new ArrayList<>();
    for (String t : texts) {
      for (int id : tokenizer.encode(t)) {
        all.add(id);
      }
      all.add(tokenizer.eos());
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Logits of the model for a fixed input, copied to the heap. */
  static float[] logits(GptWeights w, LoraAdapter lora) {
    try (NDScope scope = new NDScope()) {
      NDArray in = w.manager().create(new long[] {1, 5, 9, 42, 7, 3, 250, 11}, new Shape(1, 8));
      scope.suppressNotUsedWarning();
      return GptModel.logits(w, lora, in, false).toFloatArray();
    }
  }
}
