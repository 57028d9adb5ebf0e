package io.augment.application.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.application.InMemoryPlatform;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryExpanderTest {
  private static final Generator LLM = new Generator() {
    @Override
    public String id() {
      return "fake-llm";
    }

    @Override
    public Generation generate(Prompt prompt, GenerationOptions options) {
      String text = prompt.system().startsWith("Rewrite")
          ? "1. moon gravity ocean\n2) tidal forces\nWhat causes tides?" : "The Moon's gravity pulls the oceans.";
      return new Generation(text, id(), false, new TokenUsage(1, 1), "stop");
    }
  };

  @Test
  void withoutAGenerativeModelHydeIsUnavailableAndTheRewriteIsTheKeywords() {
    QueryExpander expander = new QueryExpander(new InMemoryPlatform.QuoteFirstSource());
    assertThat(expander.hypotheticalAnswer("What causes tides?")).isNull();
    assertThat(expander.variants("What causes the tides in the ocean?", 3)).containsExactly("causes tides ocean");
  }

  @Test
  void withAGenerativeModelWritesAHypotheticalAnswerAndCleanRewrites() {
    QueryExpander expander = new QueryExpander(LLM);
    assertThat(expander.hypotheticalAnswer("What causes tides?")).isEqualTo("The Moon's gravity pulls the oceans.");
    assertThat(expander.variants("What causes tides?", 2)).containsExactly("moon gravity ocean", "tidal forces");
    assertThat(expander.variants("What causes tides?", 0)).isEqualTo(List.of());
  }
}
