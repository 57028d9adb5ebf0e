package io.augment.adapter.out.llm;

import static io.augment.adapter.out.llm.ModelServerStub.slow;
import static io.augment.adapter.out.llm.ModelServerStub.status;
import static io.augment.adapter.out.llm.OpenAiReplies.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.testing.RecordingSink;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Circuit breaker and streaming failures; single-call retries are in {@link OpenAiCompatibleGeneratorTest}. */
class OpenAiCompatibleGeneratorResilienceTest {
  private static final Prompt PROMPT = Prompt.plain("Be brief.", "When did the bridge open?", 10);
  private static final GenerationOptions OPTIONS = GenerationOptions.DEFAULT;

  private final ModelServerStub server = new ModelServerStub().byDefault(CHAT, OpenAiReplies.chat());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void opensTheCircuitAfterRepeatedFailuresAndThenFailsFastWithoutCallingTheServer() {
    server.byDefault(CHAT, status(503, "{\"error\":{\"message\":\"overloaded\"}}"));
    Resilience breakable = TestConfigs.fast().withCircuitBreaker(4, 0.5, Duration.ofMinutes(1));
    var generator = new OpenAiCompatibleGenerator(TestConfigs.openAi(server, "m1").withResilience(breakable));

    assertThatThrownBy(() -> generator.generate(PROMPT, OPTIONS)).hasMessageContaining("HTTP 503");
    assertThatThrownBy(() -> generator.generate(PROMPT, OPTIONS)).hasMessageContaining("circuit breaker open");
    int hitsWhenOpen = server.hits(CHAT);

    long start = System.nanoTime();
    assertThatThrownBy(() -> generator.generate(PROMPT, OPTIONS))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("openai:m1")
        .hasMessageContaining("circuit breaker open")
        .hasMessageContaining(server.root() + "/v1");
    RecordingSink sink = new RecordingSink();
    generator.stream(PROMPT, OPTIONS, sink);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    assertThat(sink.errors).singleElement().asString().contains("circuit breaker open");
    assertThat(server.hits(CHAT)).isEqualTo(hitsWhenOpen).isEqualTo(4);
  }

  @Test
  void retriesAStreamThatFailsBeforeItsFirstPiece() {
    server.then(CHAT, status(500, "{\"error\":{\"message\":\"boom\"}}"));
    RecordingSink sink = new RecordingSink();

    generator().stream(PROMPT, OPTIONS, sink);

    assertThat(sink.errors).isEmpty();
    assertThat(String.join("", sink.pieces)).isEqualTo(OpenAiReplies.TEXT);
    assertThat(sink.completions).hasSize(1);
    assertThat(server.hits(CHAT)).isEqualTo(2);
  }

  @Test
  void endsAStreamThatStallsAfterItsFirstPiecesWithOneErrorAndNoRetry() {
    server.byDefault(CHAT, OpenAiReplies.stallingStream(2, Duration.ofSeconds(20)));
    RecordingSink sink = new RecordingSink();

    long start = System.nanoTime();
    generator().stream(PROMPT, OPTIONS, sink);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TestConfigs.TIMEOUT.multipliedBy(3));
    assertThat(sink.pieces).containsExactly("The", " bridge");
    assertThat(sink.completions).isEmpty();
    assertThat(sink.errors).singleElement()
        .isInstanceOf(BackendUnavailableException.class)
        .asString().contains("stalled after 10 characters").contains("not retried");
    assertThat(server.hits(CHAT)).isEqualTo(1);
  }

  @Test
  void givesUpOnAStreamThatNeverStartsWithinTheTimeoutsAndRetries() {
    server.byDefault(CHAT, slow(Duration.ofSeconds(20), OpenAiReplies.chat()));
    RecordingSink sink = new RecordingSink();

    long start = System.nanoTime();
    generator().stream(PROMPT, OPTIONS, sink);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TestConfigs.fast().worstCase().multipliedBy(2));
    assertThat(sink.pieces).isEmpty();
    assertThat(sink.errors).singleElement().asString().contains("no answer within");
    assertThat(server.hits(CHAT)).isEqualTo(1 + TestConfigs.RETRIES);
  }

  private OpenAiCompatibleGenerator generator() {
    return new OpenAiCompatibleGenerator(TestConfigs.openAi(server, "m1"));
  }
}
