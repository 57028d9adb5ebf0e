package io.augment.adapter.out.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.djl.ndarray.NDManager;
import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.model.GptModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run whose loss or weights stop being numbers fails, naming the step, instead of saving garbage. */
class TrainerDivergenceTest {
  private NDManager manager;
  private GptModel model;

  @BeforeEach
  void setUp() {
    manager = TinyModels.manager();
    model = TinyModels.model(manager, 5);
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  private TokenBatches batches() {
    return TokenBatches.of(TinyModels.corpus(100, 4), TinyModels.tokenizer(), 4, 16, 4);
  }

  @Test
  void aLossThatBecomesNanStopsTheRunAtThatStepAndSaysToLowerTheLearningRate() {
    List<Double> losses = new ArrayList<>();

    TrainingDiverged diverged = catchThrowableOfType(TrainingDiverged.class, () -> Trainer.train(model, null,
        batches(), 50, 1e308, (step, total, loss, rate) -> losses.add(loss), () -> false));

    assertThat(diverged).as("training diverged").isNotNull();
    assertThat(diverged.getMessage()).matches("loss became (NaN|infinite) at step \\d+; lower training.learningRate");
    int step = Integer.parseInt(diverged.getMessage().replaceAll(".* at step (\\d+);.*", "$1"));
    assertThat(losses).as("steps reported before the bad one").hasSize(step - 1).allMatch(Double::isFinite);
  }

  @Test
  void weightsThatOverflowOnTheLastStepFailTheRunEvenThoughEveryLossWasFinite() {
    TrainingDiverged diverged = catchThrowableOfType(TrainingDiverged.class, () -> Trainer.train(model, null,
        batches(), 1, 1e308, (step, total, loss, rate) -> { }, () -> false));

    assertThat(diverged).isNotNull();
    assertThat(diverged.getMessage()).isEqualTo("weights became NaN or infinite by step 1; lower training.learningRate");
  }
}
