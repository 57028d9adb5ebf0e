package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.testing.GeneratorContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DjlGeneratorTest extends GeneratorContract {
  private static final DjlGenerator GENERATOR = new DjlGenerator(TinyWorkspace.root(), new DjlEngineConfig("tiny", 1));

  @Override
  protected Generator generator() {
    return GENERATOR;
  }

  @AfterAll
  static void close() {
    GENERATOR.close();
  }

  private static GenerationOptions greedy(int maxTokens, String adapter, String... stop) {
    return new GenerationOptions(maxTokens, 0, 1, List.of(stop), adapter);
  }

  @Test
  void stopsAfterMaxTokens() {
    Generation g = GENERATOR.complete("the cat", greedy(3, null));
    assertThat(g.usage().completionTokens()).isEqualTo(3);
    assertThat(g.finishReason()).isEqualTo("length");
  }

  @Test
  void cutsTheTextAtAStopSequence() {
    String free = GENERATOR.complete("the dog", greedy(12, null)).text();
    String stop = free.substring(2, 4);
    Generation g = GENERATOR.complete("the dog", greedy(12, null, stop));
    assertThat(g.text()).isEqualTo(free.substring(0, free.indexOf(stop))).doesNotContain(stop);
    assertThat(g.finishReason()).isEqualTo("stop");
  }

  @Test
  void samplingWithTemperatureAndTopPStaysWithinMaxTokens() {
    Generation g = GENERATOR.complete("the", new GenerationOptions(6, 1.0, 0.9, List.of(), "cats"));
    assertThat(g.usage().completionTokens()).isBetween(0, 6);
  }

  @Test
  void twoResidentAdaptersOverOneBaseEachMatchTheirMergedModel() {
    String cats = GENERATOR.complete("the", greedy(10, "cats")).text();
    String counting = GENERATOR.complete("one", greedy(10, "counting")).text();
    String catsOnOne = GENERATOR.complete("one", greedy(10, "cats")).text();
    assertThat(catsOnOne).isNotEqualTo(counting);
    assertThat(GENERATOR.residentAdapters()).isEqualTo(2);

    Path root = TinyWorkspace.root();
    ModelStore store = new ModelStore(root);
    for (String name : List.of("cats", "counting")) {
      try (LoadedModel base = store.loadModel("tiny"); LoraAdapter lora = PeftFormat.load(store.adapterDir(name));
          GptWeights merged = lora.mergeInto(base.weights())) {
        Path dir = store.adapterDir("merged-" + name);
        ModelStore.saveTo(dir, merged, base.tokenizer());
        ModelStore.writeAdapterMeta(dir, "tiny");
      }
    }
    assertThat(GENERATOR.complete("the", greedy(10, "merged-cats")).text()).isEqualTo(cats);
    assertThat(GENERATOR.complete("one", greedy(10, "merged-counting")).text()).isEqualTo(counting);
    assertThat(GENERATOR.complete("one", greedy(10, "merged-cats")).text()).isEqualTo(catsOnOne);
  }

  @Test
  void neverSamplesIdsTheTokenizerDoesNotHave() {
    Path root = TinyWorkspace.root();
    try (GptWeights raw = GptWeights.initialise(Tiny.CONFIG, 9)) {
      new ModelStore(root).saveModel("raw", raw, new ByteBpeTokenizer(List.of()));
    }
    try (DjlGenerator generator = new DjlGenerator(root, new DjlEngineConfig("raw", 3))) {
      Generation g = generator.complete("x", new GenerationOptions(30, 2.0, 1.0, List.of(), null));
      assertThat(g.usage().completionTokens()).isBetween(0, 30);
    }
  }
}
