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

  private static final io.augment.domain.adaptation.FineTuneDefaults DEFAULTS = new io.augment.domain.adaptation.FineTuneDefaults(
      new io.augment.domain.adaptation.LoraSettings(8, 16, 0.05, java.util.Set.of("c_attn")), 2e-3, 5e-4, "base");

  /** Options are completed from the trainer's defaults when the job starts; out-of-range values are refused there. */
  @Test
  void refusesANullTargetModuleAndOutOfRangeOptionsNamingTheirFields() {
    var full = io.augment.domain.adaptation.AdaptationMethod.FULL;
    assertThat(fieldOf(() -> new FineTuneOptions.Lora(4, null, null, new HashSet<>(Arrays.asList("q_proj", null)))
        .settings(DEFAULTS))).isEqualTo("lora.targetModules");
    assertThat(fieldOf(() -> new FineTuneOptions.Lora(4096, null, null, null).settings(DEFAULTS))).isEqualTo("lora.rank");
    assertThat(fieldOf(() -> new FineTuneOptions.Lora(null, -1e9, null, null).settings(DEFAULTS))).isEqualTo("lora.alpha");
    assertThat(fieldOf(() -> new FineTuneOptions.Training(1_000_000_000, null, null, null, null, null)
        .settings(full, DEFAULTS))).isEqualTo("training.epochs");
    assertThat(fieldOf(() -> new FineTuneOptions.Training(null, null, 1_000_000, null, null, null)
        .settings(full, DEFAULTS))).isEqualTo("training.batchSize");
    assertThat(fieldOf(() -> new FineTuneOptions.Training(null, null, null, null, 1e308, null)
        .settings(full, DEFAULTS))).isEqualTo("training.learningRate");
  }

  @Test
  void leftOutSettingsTakeTheTrainersDefaults() {
    var lora = new FineTuneOptions.Lora(null, null, null, null).settings(DEFAULTS);
    assertThat(lora).isEqualTo(DEFAULTS.lora());
    assertThat(FineTuneOptions.Training.DEFAULTS.settings(io.augment.domain.adaptation.AdaptationMethod.LORA, DEFAULTS)
        .learningRate()).isEqualTo(2e-3);
  }

  @Test
  void namesOpenAiJobsFromTheirSuffixAndRefusesABadOne() {
    assertThat(FineTuneOptions.openAiName("handbook")).matches("ft-handbook-[0-9a-f]{8}");
    assertThat(FineTuneOptions.openAiName(null)).matches("ft-[0-9a-f]{8}");
    assertThat(fieldOf(() -> FineTuneOptions.openAiName("Bad Suffix"))).isEqualTo("suffix");
    assertThat(fieldOf(() -> FineTuneOptions.openAiName("x".repeat(41)))).isEqualTo("suffix");
  }
}
