package io.augment.adapter.out.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prompt/completion training: the loss and the gradient come from the completions only. */
class PromptMaskingTest {
  private final BpeTokenizer tokenizer = TinyModels.tokenizer();
  private NDManager manager;

  @BeforeEach
  void setUp() {
    manager = TinyModels.manager();
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void theLossAveragesOnlyTheTargetsWeighedOne() {
    GptModel model = TinyModels.model(manager, 3);
    int[] row = TinyModels.sampleTokens();
    int time = 12;
    float[] weights = new float[time];
    for (int t = 5; t < time; t++) {
      weights[t] = 1f;
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray logits = model.forward(model.tokens(new int[][] {java.util.Arrays.copyOf(row, time)}), LoraDelta.NONE,
          null, false);
      NDArray targets = model.tokens(new int[][] {java.util.Arrays.copyOfRange(row, 1, time + 1)});
      float[] logProbabilities = logits.logSoftmax(-1).toFloatArray();
      int vocab = model.config().vocabSize();
      double expected = 0;
      for (int t = 5; t < time; t++) {
        expected -= logProbabilities[t * vocab + row[t + 1]];
      }
      expected /= time - 5;

      float masked = Trainer.crossEntropy(logits, targets, Trainer.weights(manager, new float[][] {weights})).getFloat();

      assertThat((double) masked).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
      assertThat(masked).isNotCloseTo(Trainer.crossEntropy(logits, targets).getFloat(),
          org.assertj.core.data.Offset.offset(1e-3f));
    }
  }

  @Test
  void aBatchOfPromptTokensOnlyChangesNoWeight() {
    GptModel model = TinyModels.model(manager, 4);
    model.weights().values().forEach(w -> w.setRequiresGradient(true));
    int[][] rows = {java.util.Arrays.copyOf(TinyModels.sampleTokens(), 13)};

    double loss = Trainer.step(model, LoraDelta.NONE, new TokenBatches.Batch(rows, new float[][] {new float[12]}));

    assertThat(loss).isZero();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      model.weights().forEach((name, w) -> assertThat(w.getGradient().abs().sum().getFloat()).as(name).isZero());
    }
    model.weights().values().forEach(w -> w.setRequiresGradient(false));
  }

  @Test
  void pairsTeachTheCompletionWhilePlainTextsAlsoTeachThePrompts() {
    List<String> prompts = TinyModels.corpus(200, 11);
    List<TrainingText> pairs = new ArrayList<>();
    List<TrainingText> plain = new ArrayList<>();
    for (String prompt : prompts) {
      pairs.add(new TrainingText(prompt + " the hen.", prompt.length()));
      plain.add(new TrainingText(prompt + " the hen.", 0));
    }
    ValidationSet promptLoss = ValidationSet.of(prompts, tokenizer, 24);
    ValidationSet answerLoss = ValidationSet.ofTexts(pairs, tokenizer, 24);

    GptModel masked = TinyModels.model(manager, 8);
    double answerBefore = answerLoss.loss(masked, LoraDelta.NONE);
    double promptBefore = promptLoss.loss(masked, LoraDelta.NONE);
    Trainer.train(masked, null, TokenBatches.ofTexts(pairs, tokenizer, 8, 24, 5), 80, 3e-3, (s, t, l, r) -> { },
        () -> false);
    GptModel unmasked = TinyModels.model(manager, 8);
    Trainer.train(unmasked, null, TokenBatches.ofTexts(plain, tokenizer, 8, 24, 5), 80, 3e-3, (s, t, l, r) -> { },
        () -> false);

    double maskedAnswer = answerLoss.loss(masked, LoraDelta.NONE);
    double maskedPrompt = promptLoss.loss(masked, LoraDelta.NONE);
    double unmaskedPrompt = promptLoss.loss(unmasked, LoraDelta.NONE);
    assertThat(maskedAnswer).isLessThan(0.2 * answerBefore);
    assertThat(maskedPrompt).isGreaterThan(0.8 * promptBefore).isGreaterThan(1.5 * unmaskedPrompt);
  }
}
