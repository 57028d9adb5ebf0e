package io.augment.application.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.InMemoryPlatform;
import io.augment.application.evaluation.ContenderCheck;
import io.augment.application.generation.Generators;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenUsage;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
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
    // Closed book, in the one prompt format trained models learn (ClosedBook.prompt).
    assertThat(engine.asked).containsExactly("lora:Question: what do tides follow", "full:Question: what do tides follow");
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

  @Test
  void asksEveryKindOfContenderInOrderThroughTheEvaluationsAnswering() {
    CompareAnswers checked = new CompareAnswers(platform.answers, generators(), new ContenderCheck(
        platform.knowledgeBaseRepository, catalog("lora"), generators()));

    List<CompareAnswers.Contender> answers = checked.compareContenders("what do tides follow",
        List.of("rag:kb", "rag:kb@quote-first", "rag:kb+adapter:lora", "adapter:lora", "generator:djl:local", "rag:kb"), 3, 16);

    assertThat(answers).extracting(CompareAnswers.Contender::model).containsExactly(
        "rag:kb", "rag:kb@quote-first", "rag:kb+adapter:lora", "adapter:lora", "generator:djl:local");
    assertThat(answers.get(0).citations()).extracting(Citation::documentId).contains("tides");
    assertThat(answers.get(2).citations()).isNotEmpty();
    assertThat(answers.get(2).text()).isEqualTo("from lora");
    assertThat(answers.get(3).citations()).isEmpty();
    assertThat(engine.asked).hasSize(3);
    assertThat(engine.asked.get(0)).startsWith("lora:Sources:");
    assertThat(engine.asked.get(1)).isEqualTo("lora:Question: what do tides follow");
    assertThat(engine.asked.get(2)).isEqualTo("null:Question: what do tides follow");
  }

  @Test
  void refusesAnUnknownOrMalformedContenderNamingItsIndexBeforeAskingAnything() {
    CompareAnswers checked = new CompareAnswers(platform.answers, generators(), new ContenderCheck(
        platform.knowledgeBaseRepository, catalog("lora"), generators()));

    assertThatThrownBy(() -> checked.compareContenders("q", List.of("rag:kb", "adapter:ghost"), 3, 16))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contenders[1]");
    assertThatThrownBy(() -> checked.compareContenders("q", List.of("rag:kb", "rag:nowhere"), 3, 16))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contenders[1]");
    assertThatThrownBy(() -> checked.compareContenders("q", List.of("kb"), 3, 16))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("contenders[0]"));
    assertThatThrownBy(() -> checked.compareContenders("q", List.of(), 3, 16))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("contenders"));
    var withoutEngine = new CompareAnswers(platform.answers, new Generators(new InMemoryPlatform.QuoteFirstSource(), List.of()));
    assertThatThrownBy(() -> withoutEngine.compareContenders("q", List.of("rag:kb", "adapter:lora"), 3, 16))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("contenders[1]"));
    assertThat(engine.asked).isEmpty();
  }

  private Generators generators() {
    return new Generators(new InMemoryPlatform.QuoteFirstSource(), List.of(), engine);
  }

  private static AdapterCatalog catalog(String... names) {
    List<Adapter> adapters = java.util.Arrays.stream(names)
        .map(n -> new Adapter(n, "base", AdaptationMethod.LORA, 1_000)).toList();
    return new AdapterCatalog() {
      @Override
      public List<Adapter> adapters() {
        return adapters;
      }

      @Override
      public java.util.Optional<Adapter> find(String name) {
        return adapters.stream().filter(a -> a.name().equals(name)).findFirst();
      }

      @Override
      public boolean delete(String name) {
        return false;
      }
    };
  }
}
