package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.testing.GeneratorContract;
import io.augment.domain.testing.RecordingSink;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlGeneratorTest extends GeneratorContract {
  private static final Prompt PROMPT = Prompt.plain("", "the cat sees", 3);
  @TempDir
  static Path root;
  private static DjlEngine engine;

  @BeforeAll
  static void setUp() {
    engine = new DjlEngine(root, DjlEngineConfig.defaults().withDefaultModel("tiny"));
    try (NDManager manager = TinyModels.manager(); GptModel model = TinyModels.model(manager, 13)) {
      StoreFixtures.installModel(engine.store(), "tiny", model, TinyModels.tokenizer(),
          ArtifactInfo.Origin.PRETRAINED, ModelStore.SCRATCH);
    }
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  @Override
  protected Generator generator() {
    return engine.generator();
  }

  private static GenerationOptions greedy(int maxTokens, List<String> stop) {
    return new GenerationOptions(maxTokens, 0, 1, stop, null);
  }

  @Test
  void aPromptFitsWhenItsTokensAndTheAnswerFitTheModelsContext() {
    int context = TinyModels.config().contextLength();
    int promptTokens = TinyModels.tokenizer().encode(io.augment.adapter.out.djl.generate.PromptText.render(PROMPT)).length;
    Prompt longPrompt = Prompt.plain("", String.join(" ", TinyModels.corpus(10, 3)), 60);

    assertThat(engine.generator().fits(PROMPT, greedy(context - promptTokens, List.of()))).isTrue();
    assertThat(engine.generator().fits(PROMPT, greedy(context - promptTokens + 1, List.of()))).isFalse();
    assertThat(engine.generator().fits(longPrompt, greedy(1, List.of()))).isFalse();
  }

  @Test
  void endsBeforeTheFirstStopSequenceAndLeavesItOut() {
    String free = engine.generator().generate(PROMPT, greedy(30, List.of())).text();
    String stop = free.substring(10, 13);

    Generation stopped = engine.generator().generate(PROMPT, greedy(30, List.of(stop)));

    assertThat(stopped.text()).isEqualTo(free.substring(0, free.indexOf(stop)));
    assertThat(stopped.finishReason()).isEqualTo("stop");
  }

  @Test
  void streamsPiecesThatNeverIncludeAStopSequence() {
    String free = engine.generator().generate(PROMPT, greedy(30, List.of())).text();
    String stop = free.substring(12, 16);
    RecordingSink sink = new RecordingSink();

    engine.generator().stream(PROMPT, greedy(30, List.of(stop)), sink);

    assertThat(String.join("", sink.pieces)).isEqualTo(free.substring(0, free.indexOf(stop)));
    assertThat(sink.completions).singleElement().extracting(Generation::finishReason).isEqualTo("stop");
  }

  @Test
  void countsPromptAndCompletionTokensAndStopsAtMaxTokens() {
    Generation generation = engine.generator().generate(PROMPT, greedy(7, List.of()));

    assertThat(generation.finishReason()).isEqualTo("length");
    assertThat(generation.usage().completionTokens()).isEqualTo(7);
    assertThat(generation.usage().promptTokens()).isEqualTo(TinyModels.tokenizer().encode("the cat sees\n").length);
  }

  @Test
  void samplesWithTemperatureAndTopPWithinMaxTokens() {
    Generation generation = engine.generator().generate(PROMPT, new GenerationOptions(12, 0.9, 0.8, List.of(), null));

    assertThat(generation.usage().completionTokens()).isBetween(1, 12);
  }

  @Test
  void keepsGeneratingPastTheContextLength() {
    Generation generation = engine.generator().generate(PROMPT, greedy(100, List.of()));

    assertThat(generation.usage().completionTokens()).isGreaterThan(TinyModels.config().contextLength());
  }

  @Test
  void reportsAnUnknownAdapterAsNotFound() {
    GenerationOptions options = new GenerationOptions(5, 0, 1, List.of(), "missing");
    assertThatThrownBy(() -> engine.generator().generate(PROMPT, options)).isInstanceOf(NotFoundException.class);

    RecordingSink sink = new RecordingSink();
    engine.generator().stream(PROMPT, options, sink);
    assertThat(sink.errors).singleElement().isInstanceOf(NotFoundException.class);
    assertThat(sink.completions).isEmpty();
  }
}
