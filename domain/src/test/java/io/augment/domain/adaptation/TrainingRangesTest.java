package io.augment.domain.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.domain.model.InvalidInputException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every hyper-parameter has a range, and a value outside it is refused naming the request's field. */
class TrainingRangesTest {

  private static String fieldOf(Executable build) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, build::execute);
    assertThat(e).as("refused").isNotNull();
    return e.field();
  }

  private static TrainingSettings training(int epochs, int maxSteps, int batchSize, int sequenceLength, double rate) {
    return new TrainingSettings(epochs, maxSteps, batchSize, sequenceLength, rate, 1);
  }

  @Test
  void refusesTrainingSettingsOutsideTheirRangesNamingEachField() {
    assertThat(fieldOf(() -> training(1_000_000_000, 0, 8, 128, 1e-3))).isEqualTo("training.epochs");
    assertThat(fieldOf(() -> training(-1, 10, 8, 128, 1e-3))).isEqualTo("training.epochs");
    assertThat(fieldOf(() -> training(0, 0, 8, 128, 1e-3))).isEqualTo("training.epochs");
    assertThat(fieldOf(() -> training(1, 1_000_001, 8, 128, 1e-3))).isEqualTo("training.maxSteps");
    assertThat(fieldOf(() -> training(1, -5, 8, 128, 1e-3))).isEqualTo("training.maxSteps");
    assertThat(fieldOf(() -> training(1, 0, 1_000_000, 128, 1e-3))).isEqualTo("training.batchSize");
    assertThat(fieldOf(() -> training(1, 0, 0, 128, 1e-3))).isEqualTo("training.batchSize");
    assertThat(fieldOf(() -> training(1, 0, 8, 1, 1e-3))).isEqualTo("training.sequenceLength");
    assertThat(fieldOf(() -> training(1, 0, 8, 100_000, 1e-3))).isEqualTo("training.sequenceLength");
    assertThat(fieldOf(() -> training(1, 0, 256, 4096, 1e-3))).as("tokens per step").isEqualTo("training.batchSize");
    assertThat(fieldOf(() -> training(1, 0, 8, 128, 1e308))).isEqualTo("training.learningRate");
    assertThat(fieldOf(() -> training(1, 0, 8, 128, Double.NaN))).isEqualTo("training.learningRate");
    assertThat(fieldOf(() -> training(1, 0, 8, 128, Double.POSITIVE_INFINITY))).isEqualTo("training.learningRate");
    assertThat(fieldOf(() -> training(1, 0, 8, 128, 0))).isEqualTo("training.learningRate");
  }

  @Test
  void acceptsTheEdgesOfEveryTrainingRange() {
    assertThatCode(() -> training(TrainingSettings.MAX_EPOCHS, TrainingSettings.MAX_STEPS, 128, 128,
        TrainingSettings.MAX_LEARNING_RATE)).doesNotThrowAnyException();
    assertThatCode(() -> training(0, 1, 1, 2, 1e-9)).doesNotThrowAnyException();
    assertThatCode(() -> training(1, 0, 4, TrainingSettings.MAX_SEQUENCE_LENGTH, 1e-3)).doesNotThrowAnyException();
  }

  @Test
  void refusesLoraSettingsOutsideTheirRangesNamingEachField() {
    Set<String> q = Set.of("q_proj");
    assertThat(fieldOf(() -> new LoraSettings(4096, 16, 0, q))).isEqualTo("lora.rank");
    assertThat(fieldOf(() -> new LoraSettings(0, 16, 0, q))).isEqualTo("lora.rank");
    assertThat(fieldOf(() -> new LoraSettings(8, -1e9, 0, q))).isEqualTo("lora.alpha");
    assertThat(fieldOf(() -> new LoraSettings(8, Double.NaN, 0, q))).isEqualTo("lora.alpha");
    assertThat(fieldOf(() -> new LoraSettings(8, 1e9, 0, q))).isEqualTo("lora.alpha");
    assertThat(fieldOf(() -> new LoraSettings(8, 16, Double.NaN, q))).isEqualTo("lora.dropout");
    assertThat(fieldOf(() -> new LoraSettings(8, 16, 1, q))).isEqualTo("lora.dropout");
    assertThat(fieldOf(() -> new LoraSettings(8, 16, 0, new java.util.HashSet<>(java.util.Arrays.asList("q_proj",
        null))))).isEqualTo("lora.targetModules");
    assertThat(fieldOf(() -> new LoraSettings(8, 16, 0, Set.of()))).isEqualTo("lora.targetModules");
  }

  @Test
  void refusesACorpusWithANullTextOrBeyondItsBoundsNamingTheText() {
    assertThat(fieldOf(() -> TrainingCorpus.check("texts", java.util.Arrays.asList("a", null))))
        .isEqualTo("texts[1]");
    assertThat(fieldOf(() -> TrainingCorpus.check("texts", java.util.Collections.nCopies(
        TrainingCorpus.MAX_TEXTS + 1, "a")))).isEqualTo("texts");
    assertThat(fieldOf(() -> TrainingCorpus.check("texts", java.util.List.of("x".repeat(
        TrainingCorpus.MAX_TEXT_CHARS + 1))))).isEqualTo("texts[0]");
    String big = "x".repeat(TrainingCorpus.MAX_TEXT_CHARS);
    assertThat(fieldOf(() -> TrainingCorpus.check("texts", java.util.Collections.nCopies(
        (int) (TrainingCorpus.MAX_TOTAL_CHARS / TrainingCorpus.MAX_TEXT_CHARS) + 1, big)))).isEqualTo("texts");
    assertThat(fieldOf(() -> FineTuneRequest.ofTexts("n", "scratch", AdaptationMethod.FULL, null,
        training(1, 0, 8, 128, 1e-3), java.util.Arrays.asList("a", null)))).isEqualTo("texts[1]");
  }
}
