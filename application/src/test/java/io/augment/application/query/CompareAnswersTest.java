package io.augment.application.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.InMemoryPlatform;
import io.augment.application.generation.Generators;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenUsage;
import io.augment.domain.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompareAnswersTest {
  /** Stands in for the local engine: says which adapter answered and what it was asked. */
  private static final class EngineStandIn implements Generator {
    final List<String> asked = new ArrayList<>();

    @Override
    public String id() {
      return "djl:local";
    }

    @Override
    public Generation generate(Prompt prompt, GenerationOptions options) {
      asked.add(options.adapter() + ":" + prompt.userMessage());
      return new Generation("from " + options.adapter(), id(), false, new TokenUsage(3, 2), "stop");
    }
  }

  private final EngineStandIn engine = new EngineStandIn();
  private InMemoryPlatform platform;
  private CompareAnswers compare;

  @BeforeEach
  void setUp() {
    platform = new InMemoryPlatform();
    platform.createKnowledgeBase("kb", 32, 0);
    platform.ingest.ingest("kb", IngestCommand.text("tides", "Tides", "tides follow the moon", Map.of()));
    compare = new CompareAnswers(platform.answers, new Generators(new InMemoryPlatform.QuoteFirstSource(), List.of(), engine));
  }

  @Test
  void asksRagThenEachAdapterTheSameQuestion() {
    List<CompareAnswers.Contender> answers = compare.compare("kb", "what do tides follow", List.of("lora", "full", "lora"), 3, 16);

    assertThat(answers).extracting(CompareAnswers.Contender::model).containsExactly("rag:kb", "adapter:lora", "adapter:full");
    assertThat(answers.get(0).citations()).extracting(Citation::documentId).contains("tides");
    assertThat(answers.get(0).generator()).isEqualTo("quote-first");
    assertThat(answers.get(1).text()).isEqualTo("from lora");
    assertThat(answers.get(1).citations()).isEmpty();
    assertThat(answers.get(2).usage()).isEqualTo(new TokenUsage(3, 2));
    assertThat(answers).allSatisfy(a -> assertThat(a.millis()).isNotNegative());
    assertThat(engine.asked).containsExactly("lora:what do tides follow", "full:what do tides follow");
  }

  @Test
  void refusesABlankQuestionOrTooManyModels() {
    assertThatThrownBy(() -> compare.compare("kb", " ", List.of(), 3, 16)).isInstanceOf(InvalidInputException.class);
    List<String> many = java.util.stream.IntStream.range(0, CompareAnswers.MAX_MODELS + 1).mapToObj(i -> "a" + i).toList();
    assertThatThrownBy(() -> compare.compare("kb", "q", many, 3, 16)).isInstanceOf(InvalidInputException.class);
    var withoutEngine = new CompareAnswers(platform.answers, new Generators(new InMemoryPlatform.QuoteFirstSource(), List.of()));
    assertThatThrownBy(() -> withoutEngine.compare("kb", "q", List.of("lora"), 3, 16))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("local engine");
    assertThat(withoutEngine.compare("kb", "what do tides follow", List.of(), 3, 16)).hasSize(1);
    assertThat(engine.asked).isEmpty();
  }

  @Test
  void refusesANullAdapterNameBeforeAskingAnything() {
    assertThatThrownBy(() -> compare.compare("kb", "q", java.util.Arrays.asList("lora", null), 3, 16))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("adapters");
    assertThat(engine.asked).isEmpty();
  }
}
