package io.augment.bootstrap.swap;

import io.augment.bootstrap.TestPorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * Answers written by an OpenAI-compatible server: the generator is {@code OpenAiCompatibleGenerator}
 * (LangChain4j's OpenAI client) pointed at this very application's {@code /v1}, model
 * {@code extractive}. Every answer in the scenario (plain and streamed) goes over real HTTP in
 * OpenAI's wire format and comes back with the sources' citation markers.
 */
@QuarkusTest
@TestProfile(OpenAiGenerationSwapTest.OwnV1.class)
class OpenAiGenerationSwapTest extends SwapScenario {
  public static class OwnV1 implements QuarkusTestProfile {
    private static final int PORT = TestPorts.free();

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.test-port", String.valueOf(PORT),
          "augment.generation.provider", "openai",
          "augment.generation.openai.base-url", "http://127.0.0.1:" + PORT + "/v1",
          "augment.generation.openai.model", "extractive",
          "augment.generation.openai.timeout", "20s");
    }
  }

  @Override
  protected String expectedGenerator() {
    return "openai:extractive";
  }
}
