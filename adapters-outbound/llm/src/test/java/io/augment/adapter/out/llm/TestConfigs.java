package io.augment.adapter.out.llm;

import java.time.Duration;

/** Configurations with short waits, so failure cases finish in well under a second each. */
final class TestConfigs {
  static final Duration TIMEOUT = Duration.ofMillis(800);
  static final int RETRIES = 2;

  private TestConfigs() {}

  static Resilience fast() {
    return Resilience.of(TIMEOUT, RETRIES)
        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40))
        .withCircuitBreaker(100, 0.5, Duration.ofSeconds(30));
  }

  static ProviderConfig openAi(ModelServerStub server, String model) {
    return new ProviderConfig(server.root() + "/v1", "sk-test", model, fast());
  }
}
