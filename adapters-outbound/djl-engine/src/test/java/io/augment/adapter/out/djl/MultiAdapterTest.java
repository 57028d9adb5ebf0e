package io.augment.adapter.out.djl;

import static io.augment.adapter.out.djl.TinyModels.logits;
import static io.augment.adapter.out.djl.TinyModels.maxAbsDifference;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.LoraInference;
import io.augment.adapter.out.djl.model.LoraMerge;
import io.augment.adapter.out.djl.model.LoraWeights;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiAdapterTest {
  @TempDir
  Path root;

  @Test
  void twoAdaptersOverOneBaseGiveDifferentOutputsEachEqualToItsMergedModel() {
    int[] tokens = TinyModels.sampleTokens();
    try (DjlEngine engine = new DjlEngine(root, DjlEngineConfig.defaults().withDefaultModel("base"));
        NDManager manager = TinyModels.manager();
        GptModel base = TinyModels.model(manager, 17)) {
      ModelStore store = engine.store();
      StoreFixtures.installModel(store, "base", base, TinyModels.tokenizer(), ArtifactInfo.Origin.PRETRAINED, "scratch");
      LoraWeights first = TinyModels.randomAdapter(base, TinyModels.spec(4, "q", "v"), 1, 0.5f);
      LoraWeights second = TinyModels.randomAdapter(base, TinyModels.spec(4, "c_attn", "mlp"), 2, 0.5f);
      StoreFixtures.installAdapter(store, "first", first, "base");
      StoreFixtures.installAdapter(store, "second", second, "base");
      try (GptModel firstMerged = LoraMerge.merge(base, first, manager);
          GptModel secondMerged = LoraMerge.merge(base, second, manager);
          LoraInference firstServing = new LoraInference(base.config(), first, manager);
          LoraInference secondServing = new LoraInference(base.config(), second, manager)) {
        assertThat(maxAbsDifference(logits(base, firstServing, tokens), logits(secondMerged, io.augment.adapter.out.djl.model.LoraDelta.NONE, tokens)))
            .isGreaterThan(1e-2f);
        assertThat(maxAbsDifference(logits(base, firstServing, tokens), logits(firstMerged, io.augment.adapter.out.djl.model.LoraDelta.NONE, tokens)))
            .isLessThan(1e-4f);
        assertThat(maxAbsDifference(logits(base, secondServing, tokens), logits(secondMerged, io.augment.adapter.out.djl.model.LoraDelta.NONE, tokens)))
            .isLessThan(1e-4f);
        StoreFixtures.installModel(store, "first-merged", firstMerged, TinyModels.tokenizer(),
            ArtifactInfo.Origin.FINE_TUNED, "base");
        StoreFixtures.installModel(store, "second-merged", secondMerged, TinyModels.tokenizer(),
            ArtifactInfo.Origin.FINE_TUNED, "base");
      }

      String viaFirst = generate(engine, "first");
      String viaSecond = generate(engine, "second");
      String viaBase = generate(engine, null);
      assertThat(engine.resident().residentAdapters()).isEqualTo(2);
      assertThat(engine.resident().residentModels()).as("one base serves both adapters").isEqualTo(1);
      assertThat(List.of(viaFirst, viaSecond, viaBase)).doesNotHaveDuplicates();
      assertThat(generate(engine, "first")).as("still resident, same answer").isEqualTo(viaFirst);
      assertThat(generate(engine, "first-merged")).isEqualTo(viaFirst);
      assertThat(generate(engine, "second-merged")).isEqualTo(viaSecond);
    }
  }

  private static String generate(DjlEngine engine, String adapter) {
    return engine.generator().generate(Prompt.plain("", "the owl finds", 3),
        new GenerationOptions(24, 0, 1, List.of(), adapter)).text();
  }
}
