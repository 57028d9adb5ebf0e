package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlAdapterCatalogTest {
  @TempDir
  Path root;

  @Test
  void aModelInstalledBeforeTrainingCostsWereKeptStillListsWithoutACost() throws Exception {
    DjlEngine engine = new DjlEngine(root, DjlEngineConfig.defaults());
    ModelStore store = engine.store();
    try (var manager = TinyModels.manager(); var model = TinyModels.model(manager, 1)) {
      StoreFixtures.installModel(store, "old", model, TinyModels.tokenizer(), ArtifactInfo.Origin.PRETRAINED,
          ModelStore.SCRATCH);
    }
    // augment.json exactly as the engine wrote it before it recorded training costs.
    Files.writeString(root.resolve("models/old/augment.json"), """
        {
          "name" : "old",
          "baseModel" : "scratch",
          "method" : "FULL",
          "origin" : "PRETRAINED",
          "createdAt" : "2026-11-28T10:00:00Z"
        }
        """);

    Adapter listed = engine.catalog().find("old").orElseThrow();
    engine.close();

    assertThat(listed.method()).isEqualTo(AdaptationMethod.FULL);
    assertThat(listed.baseModel()).isEqualTo(ModelStore.SCRATCH);
    assertThat(listed.bytes()).isPositive();
    assertThat(listed.training()).isNull();
  }
}
