package io.augment.adapter.out.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.testing.GeneratorContract;
import io.augment.domain.testing.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveGeneratorTest extends GeneratorContract {
  private static final String BRIDGE = "The Harbour Bridge is a steel arch bridge across the harbour. "
      + "Its construction began in 1923 under Dr. J. Bradfield. "
      + "The bridge opened in 1932 after nine years of work. "
      + "It carries rail, vehicular and pedestrian traffic.";
  private static final String WEATHER = "The harbour city has a mild climate. Summers are warm and humid.";

  private final ExtractiveGenerator generator = new ExtractiveGenerator();

  @Override
  protected Generator generator() {
    return generator;
  }

  @Test
  void quotesTheSentenceThatAnswersAndCitesItsSource() {
    Generation answer = generate(promptWithSources("What year did the bridge open?", WEATHER, BRIDGE));
    assertThat(answer.text()).startsWith("The bridge opened in 1932 after nine years of work. [2]");
    assertThat(answer.text()).doesNotContain("[1]");
  }

  @Test
  void bringsTheSentenceBeforeOneThatOpensWithAPronoun() {
    Prompt prompt = promptWithSources("What traffic does it carry, rail?", BRIDGE);
    assertThat(generate(prompt).text())
        .contains("after nine years of work. [1] It carries rail, vehicular and pedestrian traffic. [1]");
  }

  @Test
  void keepsSentencesInTheirOrderWithinASource() {
    String text = generate(promptWithSources("When did construction of the bridge begin and when did it open?", BRIDGE))
        .text();
    assertThat(text.indexOf("began in 1923")).isLessThan(text.indexOf("opened in 1932"));
  }

  @Test
  void staysWithinMaxTokensCountedAsWords() {
    Generation answer = generator.generate(promptWithSources("What year did the bridge open?", BRIDGE), maxTokens(12));
    assertThat(answer.text()).isEqualTo("The bridge opened in 1932 after nine years of work. [1]");
    assertThat(answer.finishReason()).isEqualTo("stop");
  }

  @Test
  void cutsTheBestSentenceWhenEvenItIsOverBudget() {
    Generation answer = generator.generate(promptWithSources("What year did the bridge open?", BRIDGE), maxTokens(4));
    assertThat(answer.text()).isEqualTo("The bridge opened in… [1]");
    assertThat(answer.finishReason()).isEqualTo("length");
  }

  @Test
  void saysSoWhenThereIsNoContext() {
    Generation answer = generate(Prompt.plain("system", "What year did the bridge open?", 10));
    assertThat(answer.text()).isEqualTo("No relevant passages were found for this question.");
    assertThat(answer.extractive()).isTrue();
  }

  @Test
  void marksItsAnswersExtractiveAndCountsWords() {
    Prompt prompt = promptWithSources("What year did the bridge open?", BRIDGE);
    Generation answer = generate(prompt);
    assertThat(answer.extractive()).isTrue();
    assertThat(generator.generative()).isFalse();
    assertThat(answer.generator()).isEqualTo("extractive");
    assertThat(answer.usage().completionTokens()).isEqualTo(answer.text().split(" ").length);
    assertThat(answer.usage().promptTokens()).isGreaterThan(prompt.userMessage().split(" ").length);
  }

  @Test
  void streamsOnePiecePerSentence() {
    RecordingSink sink = new RecordingSink();
    generator.stream(promptWithSources("When did construction begin and the bridge open?", BRIDGE),
        GenerationOptions.DEFAULT, sink);
    assertThat(sink.pieces).hasSizeGreaterThan(1).allSatisfy(piece -> assertThat(piece).matches("(?s).+ \\[1]"));
    assertThat(sink.completions).singleElement().satisfies(g -> assertThat(g.text()).isEqualTo(String.join("", sink.pieces)));
  }

  private Generation generate(Prompt prompt) {
    return generator.generate(prompt, GenerationOptions.DEFAULT);
  }

  private static GenerationOptions maxTokens(int n) {
    return new GenerationOptions(n, 0, 1, List.of(), null);
  }
}
