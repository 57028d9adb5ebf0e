package io.augment.adapter.out.djl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.train.TokenBatches;
import io.augment.adapter.out.djl.train.Trainer;
import io.augment.domain.generation.GenerationOptions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A model trained on texts joined by end-of-text ends its answer there (the training corpus puts
 * it after every sentence), instead of running on to the token limit.
 */
class EndOfTextTest {
  private static final int MAX_TOKENS = 30;

  @Test
  void greedyGenerationStopsAtEndOfTextWithoutEmittingIt() {
    try (NDManager manager = TinyModels.manager(); GptModel model = TinyModels.model(manager, 3)) {
      Trainer.train(model, null, TokenBatches.of(TinyModels.corpus(200, 4), TinyModels.tokenizer(), 8, 32, 4), 250,
          1e-2, (s, t, l, r) -> { }, () -> false);

      GenerationLoop.Outcome outcome = GenerationLoop.run(model, TinyModels.tokenizer(), LoraDelta.NONE,
          "the owl feeds", new GenerationOptions(MAX_TOKENS, 0, 1, List.of(), null), piece -> { }, new Random(1));

      assertThat(outcome.finishReason()).isEqualTo("stop");
      assertThat(outcome.completionTokens()).isLessThan(MAX_TOKENS);
      assertThat(outcome.text()).as("one sentence's end, then end-of-text").matches("( [a-z]+)+\\.")
          .doesNotContain("endoftext");
    }
  }
}
