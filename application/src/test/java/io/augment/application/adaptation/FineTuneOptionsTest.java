package io.augment.application.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.domain.model.InvalidInputException;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** API input with holes in it is refused naming the request's field, never with a null-pointer failure. */
class FineTuneOptionsTest {

  private static String fieldOf(Runnable build) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, build::run);
    assertThat(e).as("refused").isNotNull();
    return e.field();
  }

  @Test
  void refusesTextsWithANullElementNamingIt() {
    assertThat(fieldOf(() -> FineTuneOptions.command("n", null, "full", null, Arrays.asList("text", null, "more"),
        null, null))).isEqualTo("texts[1]");
  }

  @Test
  void refusesANullTargetModuleAndOutOfRangeOptionsNamingTheirFields() {
    assertThat(fieldOf(() -> FineTuneOptions.command("n", "base", "lora", null, Arrays.asList("text"),
        new FineTuneOptions.Lora(4, null, null, new HashSet<>(Arrays.asList("q_proj", null))), null)))
        .isEqualTo("lora.targetModules");
    assertThat(fieldOf(() -> FineTuneOptions.command("n", "base", "lora", null, Arrays.asList("text"),
        new FineTuneOptions.Lora(4096, null, null, null), null))).isEqualTo("lora.rank");
    assertThat(fieldOf(() -> FineTuneOptions.command("n", "base", "lora", null, Arrays.asList("text"),
        new FineTuneOptions.Lora(null, -1e9, null, null), null))).isEqualTo("lora.alpha");
    assertThat(fieldOf(() -> FineTuneOptions.command("n", null, "full", null, Arrays.asList("text"), null,
        new FineTuneOptions.Training(1_000_000_000, null, null, null, null, null)))).isEqualTo("training.epochs");
    assertThat(fieldOf(() -> FineTuneOptions.command("n", null, "full", null, Arrays.asList("text"), null,
        new FineTuneOptions.Training(null, null, 1_000_000, null, null, null)))).isEqualTo("training.batchSize");
    assertThat(fieldOf(() -> FineTuneOptions.command("n", null, "full", null, Arrays.asList("text"), null,
        new FineTuneOptions.Training(null, null, null, null, 1e308, null)))).isEqualTo("training.learningRate");
  }
}
