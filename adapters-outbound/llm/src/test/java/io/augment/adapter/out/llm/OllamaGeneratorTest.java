package io.augment.adapter.out.llm;

import static io.augment.adapter.out.llm.ModelServerStub.status;
import static io.augment.adapter.out.llm.OllamaReplies.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.TokenUsage;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.testing.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** langchain4j-ollama 1.18.1 running on langchain4j-core 1.19.0, against Ollama's native API shapes. */
class OllamaGeneratorTest {
  private static final Prompt PROMPT = Prompt.plain("Be brief.", "When did the bridge open?", 10);

  private final ModelServerStub server = new ModelServerStub().byDefault(CHAT, OllamaReplies.chat());
  private final OllamaGenerator generator =
      new OllamaGenerator(new ProviderConfig(server.root(), null, "llama3.2", TestConfigs.fast()));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void returnsTheTextAndOllamasTokenCounts() {
    Generation generation = generator.generate(PROMPT, GenerationOptions.DEFAULT);

    assertThat(generation.text()).isEqualTo(OpenAiReplies.TEXT);
    assertThat(generation.generator()).isEqualTo("ollama:llama3.2");
    assertThat(generation.usage()).isEqualTo(new TokenUsage(OllamaReplies.PROMPT_EVAL_COUNT, 6));
    assertThat(generation.finishReason()).isEqualTo("stop");
  }

  @Test
  void sendsTheSamplingOptionsAsOllamaOptions() {
    generator.generate(PROMPT, new GenerationOptions(77, 0.3, 0.9, List.of("END"), null));

    var body = server.received(CHAT).get(0).body();
    assertThat(body.path("model").asText()).isEqualTo("llama3.2");
    assertThat(body.path("messages")).hasSize(2);
    assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(77);
    assertThat(body.path("options").path("temperature").asDouble()).isEqualTo(0.3);
    assertThat(body.path("options").path("top_p").asDouble()).isEqualTo(0.9);
    assertThat(body.path("options").path("stop").get(0).asText()).isEqualTo("END");
  }

  @Test
  void streamsPiecesThenCompletesOnceWithUsage() {
    RecordingSink sink = new RecordingSink();
    generator.stream(PROMPT, GenerationOptions.DEFAULT, sink);

    assertThat(sink.errors).isEmpty();
    assertThat(sink.pieces).containsExactlyElementsOf(OpenAiReplies.PIECES);
    assertThat(sink.completions).singleElement()
        .satisfies(done -> assertThat(done.usage()).isEqualTo(new TokenUsage(OllamaReplies.PROMPT_EVAL_COUNT, 6)));
  }

  @Test
  void retriesAServerErrorThenReportsTheBackendUnavailable() {
    server.byDefault(CHAT, status(500, "{\"error\":\"model failed to load\"}"));

    assertThatThrownBy(() -> generator.generate(PROMPT, GenerationOptions.DEFAULT))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("ollama:llama3.2")
        .hasMessageContaining(server.root())
        .hasMessageContaining("model failed to load");
    assertThat(server.hits(CHAT)).isEqualTo(1 + TestConfigs.RETRIES);
  }

  @Test
  void doesNotRetryAnUnknownModel() {
    server.byDefault(CHAT, status(404, "{\"error\":\"model 'llama3.2' not found\"}"));

    assertThatThrownBy(() -> generator.generate(PROMPT, GenerationOptions.DEFAULT))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("not found");
    assertThat(server.hits(CHAT)).isEqualTo(1);
  }
}
