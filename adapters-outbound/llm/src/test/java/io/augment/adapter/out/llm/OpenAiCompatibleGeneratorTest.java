package io.augment.adapter.out.llm;

import static io.augment.adapter.out.llm.ModelServerStub.slow;
import static io.augment.adapter.out.llm.ModelServerStub.status;
import static io.augment.adapter.out.llm.OpenAiReplies.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.TokenUsage;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.testing.RecordingSink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleGeneratorTest {
  private static final Prompt PROMPT = new Prompt("Cite sources as [n].", "When did the bridge open?", List.of(),
      "Question: When did the bridge open?\n\n[1] The bridge opened in 1932.", 20, 0);
  private static final String RATE_LIMITED = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}";

  private final ModelServerStub server = new ModelServerStub().byDefault(CHAT, OpenAiReplies.chat());
  private final OpenAiCompatibleGenerator generator = new OpenAiCompatibleGenerator(TestConfigs.openAi(server, "m1"));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void returnsTheTextUsageAndFinishReasonOfTheServersAnswer() {
    Generation generation = generator.generate(PROMPT, GenerationOptions.DEFAULT);

    assertThat(generation.text()).isEqualTo(OpenAiReplies.TEXT);
    assertThat(generation.generator()).isEqualTo("openai:m1");
    assertThat(generation.extractive()).isFalse();
    assertThat(generation.usage()).isEqualTo(new TokenUsage(OpenAiReplies.PROMPT_TOKENS, 6));
    assertThat(generation.finishReason()).isEqualTo("stop");
    assertThat(generator.generative()).isTrue();
  }

  @Test
  void sendsTheSystemAndUserMessagesTheModelAndTheSamplingOptions() {
    generator.generate(PROMPT, new GenerationOptions(77, 0.3, 0.9, List.of("\n\n", "END"), null));

    var request = server.received(CHAT).get(0);
    var body = request.body();
    assertThat(body.path("model").asText()).isEqualTo("m1");
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo(PROMPT.system());
    assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo(PROMPT.userMessage());
    assertThat(body.path("max_tokens").asInt()).isEqualTo(77);
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
    assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
    assertThat(body.path("stop").toString()).isEqualTo("[\"\\n\\n\",\"END\"]");
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
  }

  @Test
  void sendsTheConfiguredExtraHeadersOnPlainAndStreamedCalls() {
    var tagged = new OpenAiCompatibleGenerator(TestConfigs.openAi(server, "m1").withHeaders(Map.of("X-Augment-Instance", "i-1")));
    tagged.generate(Prompt.plain("", "Hi", 1), GenerationOptions.DEFAULT);
    tagged.stream(Prompt.plain("", "Hi", 1), GenerationOptions.DEFAULT, new io.augment.domain.testing.RecordingSink());

    assertThat(server.received(CHAT)).extracting(r -> r.header("X-Augment-Instance")).containsExactly("i-1", "i-1");
  }

  @Test
  void sendsNoAuthorizationWhenTheKeyIsBlank() {
    var local = new OpenAiCompatibleGenerator(
        new ProviderConfig(server.root() + "/v1/", " ", "llama", TestConfigs.fast()));
    local.generate(Prompt.plain("", "Hi", 1), GenerationOptions.DEFAULT);

    var request = server.received(CHAT).get(0);
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.body().path("messages")).hasSize(1);
  }

  @Test
  void reportsLengthWhenTheTokenLimitEndedTheAnswer() {
    server.then(CHAT, OpenAiReplies.chat(List.of("The bridge"), "length"));
    assertThat(generator.generate(PROMPT, GenerationOptions.DEFAULT).finishReason()).isEqualTo("length");
  }

  @Test
  void streamsPiecesThatConcatenateToTheTextThenCompletesOnceWithUsage() {
    RecordingSink sink = new RecordingSink();
    generator.stream(PROMPT, GenerationOptions.DEFAULT, sink);

    assertThat(sink.errors).isEmpty();
    assertThat(sink.pieces).containsExactlyElementsOf(OpenAiReplies.PIECES);
    assertThat(sink.completions).hasSize(1);
    Generation done = sink.completions.get(0);
    assertThat(done.text()).isEqualTo(OpenAiReplies.TEXT);
    assertThat(done.usage()).isEqualTo(new TokenUsage(OpenAiReplies.PROMPT_TOKENS, 6));
    assertThat(done.generator()).isEqualTo("openai:m1");
    assertThat(server.received(CHAT).get(0).body().path("stream").asBoolean()).isTrue();
  }

  @Test
  void retriesAServerErrorAndReturnsTheNextAnswer() {
    server.then(CHAT, status(500, "{\"error\":{\"message\":\"boom\"}}"));

    assertThat(generator.generate(PROMPT, GenerationOptions.DEFAULT).text()).isEqualTo(OpenAiReplies.TEXT);
    assertThat(server.hits(CHAT)).isEqualTo(2);
  }

  @Test
  void retriesRateLimitingThenReportsTheBackendUnavailable() {
    server.byDefault(CHAT, status(429, RATE_LIMITED));

    assertThatThrownBy(() -> generator.generate(PROMPT, GenerationOptions.DEFAULT))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("openai:m1")
        .hasMessageContaining(server.root() + "/v1")
        .hasMessageContaining("HTTP 429")
        .hasMessageContaining("Rate limit reached")
        .hasMessageContaining("after 2 retries");
    assertThat(server.hits(CHAT)).isEqualTo(1 + TestConfigs.RETRIES);
  }

  @Test
  void doesNotRetryARejectedRequest() {
    server.byDefault(CHAT, status(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));

    assertThatThrownBy(() -> generator.generate(PROMPT, GenerationOptions.DEFAULT))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("Incorrect API key")
        .hasMessageContaining("not retried");
    assertThat(server.hits(CHAT)).isEqualTo(1);
  }

  @Test
  void givesUpOnASlowServerWithinTheTimeoutsAndRetries() {
    server.byDefault(CHAT, slow(Duration.ofSeconds(20), OpenAiReplies.chat()));

    long start = System.nanoTime();
    assertThatThrownBy(() -> generator.generate(PROMPT, GenerationOptions.DEFAULT))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("no answer within 800 ms");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(TestConfigs.fast().worstCase().multipliedBy(2));
    assertThat(server.hits(CHAT)).isEqualTo(1 + TestConfigs.RETRIES);
  }

  @Test
  void namesTheUrlWhenNothingListens() {
    String url = "http://127.0.0.1:" + FreePort.find() + "/v1";
    var nowhere = new OpenAiCompatibleGenerator(new ProviderConfig(url, null, "m1", TestConfigs.fast()));

    assertThatThrownBy(() -> nowhere.generate(PROMPT, GenerationOptions.DEFAULT))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining(url)
        .hasMessageContaining("could not connect");
  }

  @Test
  void rejectsAFineTunedAdapterItCannotApply() {
    var options = new GenerationOptions(10, 0, 1, List.of(), "support-bot");
    assertThatThrownBy(() -> generator.generate(PROMPT, options))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("support-bot");
    assertThat(server.hits(CHAT)).isZero();
  }
}
