package io.augment.adapter.out.openaitrainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenAiTrainerConfigTest {
  @Test
  void neverShowsTheKey() {
    OpenAiTrainerConfig config = new OpenAiTrainerConfig("https://api.example.com/v1/", "sk-secret", Path.of("s"));

    assertThat(config.toString()).doesNotContain("sk-secret").contains("apiKey=***");
    assertThat(config.baseUrl()).isEqualTo("https://api.example.com/v1");
    assertThat(config.host()).isEqualTo("api.example.com");
  }

  @Test
  void defaultsToOneSecondPollsAndTheLocalEnginesLearningRates() {
    OpenAiTrainerConfig config = new OpenAiTrainerConfig("http://trainer:8080/v1", " ", Path.of("s"));

    assertThat(config.apiKey()).isNull();
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.defaults().loraLearningRate()).isEqualTo(2e-3);
    assertThat(config.defaults().fullLearningRate()).isEqualTo(5e-4);
    assertThat(config.host()).isEqualTo("trainer:8080");
  }

  @Test
  void refusesAUrlWithoutHttpOrHostAndNonPositiveDurations() {
    assertThatThrownBy(() -> new OpenAiTrainerConfig("ftp://x/v1", null, Path.of("s")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpenAiTrainerConfig("trainer/v1", null, Path.of("s")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpenAiTrainerConfig("http://x/v1", null, Path.of("s")).withPollInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
