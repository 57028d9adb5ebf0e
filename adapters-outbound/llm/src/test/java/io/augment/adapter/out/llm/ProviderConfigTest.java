package io.augment.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void treatsABlankKeyAsNoKeyAndDropsTrailingSlashes() {
    var config = new ProviderConfig("http://localhost:11434/v1/", "  ", "llama3.2", TIMEOUT, 2);
    assertThat(config.apiKey()).isNull();
    assertThat(config.baseUrl()).isEqualTo("http://localhost:11434/v1");
    assertThat(config.resilience()).isEqualTo(Resilience.of(TIMEOUT, 2));
  }

  @Test
  void neverShowsTheKeyInItsDescription() {
    var config = new ProviderConfig("https://api.openai.com/v1", "sk-secret", "gpt-4o-mini", TIMEOUT, 2);
    assertThat(config.toString()).doesNotContain("sk-secret").contains("apiKey=***").contains("gpt-4o-mini");
  }

  @Test
  void rejectsAnythingButAnHttpUrl() {
    assertThatThrownBy(() -> new ProviderConfig("localhost:8000", null, "m", TIMEOUT, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL");
    assertThatThrownBy(() -> new ProviderConfig(" ", null, "m", TIMEOUT, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
  }

  @Test
  void rejectsABlankModelAndNonsensicalResilience() {
    assertThatThrownBy(() -> new ProviderConfig("http://h/v1", null, "", TIMEOUT, 2))
        .hasMessageContaining("model");
    assertThatThrownBy(() -> Resilience.of(Duration.ZERO, 2)).hasMessageContaining("timeout");
    assertThatThrownBy(() -> Resilience.of(TIMEOUT, -1)).hasMessageContaining("maxRetries");
  }

  @Test
  void boundsOneCallWithAllItsRetries() {
    var resilience = Resilience.of(Duration.ofSeconds(10), 2).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    assertThat(resilience.worstCase()).isEqualTo(Duration.ofSeconds(33));
  }
}
