package io.augment.adapter.out.djl.model;

import static io.augment.adapter.out.djl.TinyModels.logits;
import static io.augment.adapter.out.djl.TinyModels.maxAbsDifference;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.augment.adapter.out.djl.HuggingFaceFolders;
import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.format.GptCheckpoint;
import io.augment.adapter.out.djl.format.Gpt2Importer;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.format.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GptModelTest {
  private static NDManager manager;
  private static GptModel model;
  @TempDir
  Path dir;

  @BeforeAll
  static void load() {
    manager = TinyModels.manager();
    model = TinyModels.model(manager, 7);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void countsTheParametersItsConfigurationDescribes() {
    assertThat(model.parameterCount()).isEqualTo(model.config().parameterCount());
  }

  @Test
  void decodingWithTheKeyValueCacheGivesTheLogitsOfTheFullSequence() {
    int[] tokens = TinyModels.sampleTokens();
    int vocab = model.config().vocabSize();
    float[] full = logits(model, LoraDelta.NONE, tokens);
    try (KvCache cache = new KvCache(model.config().layers())) {
      for (int t = 0; t < tokens.length; t++) {
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          float[] step = model.forward(model.tokens(new int[][] {{tokens[t]}}), LoraDelta.NONE, cache, true)
              .toFloatArray();
          float[] expected = Arrays.copyOfRange(full, t * vocab, (t + 1) * vocab);
          assertThat(maxAbsDifference(step, expected)).as("position %d", t).isLessThan(1e-4f);
        }
      }
      assertThat(cache.length()).isEqualTo(tokens.length);
    }
  }

  @Test
  void laterTokensDoNotChangeTheLogitsOfEarlierPositions() {
    int[] tokens = TinyModels.sampleTokens();
    int[] changed = tokens.clone();
    changed[changed.length - 1] = (changed[changed.length - 1] + 1) % model.config().vocabSize();
    int vocab = model.config().vocabSize();
    int prefix = (tokens.length - 1) * vocab;

    assertThat(Arrays.copyOf(logits(model, LoraDelta.NONE, changed), prefix))
        .containsExactly(Arrays.copyOf(logits(model, LoraDelta.NONE, tokens), prefix));
  }

  @Test
  void savedCheckpointLoadsBackToTheSameLogits() {
    GptCheckpoint.write(dir, model, TinyModels.tokenizer());

    try (GptCheckpoint.Loaded loaded = GptCheckpoint.read(dir, manager)) {
      assertThat(loaded.model().config()).isEqualTo(model.config());
      assertThat(logits(loaded.model(), LoraDelta.NONE, TinyModels.sampleTokens()))
          .containsExactly(logits(model, LoraDelta.NONE, TinyModels.sampleTokens()));
      assertThat(loaded.tokenizer().encode("the cat")).containsExactly(TinyModels.tokenizer().encode("the cat"));
    }
    var config = Json.read(dir.resolve("config.json"));
    assertThat(config.get("model_type").asText()).isEqualTo("gpt2");
    assertThat(config.get("architectures").get(0).asText()).isEqualTo("GPT2LMHeadModel");
  }

  @Test
  void importedHuggingFaceGpt2ComputesWhatGpt2Computes() {
    Path source = dir.resolve("hf");
    GptConfig config = HuggingFaceFolders.gpt2Config();
    Map<String, Tensor> tensors = HuggingFaceFolders.writeGpt2(source, config, TinyModels.tokenizer(), 11);
    Gpt2Importer.importInto(source, dir.resolve("imported"));
    int[] tokens = Arrays.copyOf(TinyModels.sampleTokens(), config.contextLength());

    try (GptCheckpoint.Loaded loaded = GptCheckpoint.read(dir.resolve("imported"), manager)) {
      float[] engine = logits(loaded.model(), LoraDelta.NONE, tokens);
      float[] reference = new ReferenceGpt2(config, tensors).logits(tokens);
      assertThat(maxAbsDifference(engine, reference)).isLessThan(1e-3f);
    }
  }
}
