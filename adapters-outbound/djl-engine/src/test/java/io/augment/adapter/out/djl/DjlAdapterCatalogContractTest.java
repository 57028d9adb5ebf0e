package io.augment.adapter.out.djl;

import ai.djl.ndarray.NDManager;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.AdapterCatalogContract;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The local engine's catalog against the contract; artifacts are put into its store as a finished job would. */
class DjlAdapterCatalogContractTest extends AdapterCatalogContract {
  @TempDir
  static Path root;
  private static DjlEngine engine;
  private static NDManager manager;
  private static GptModel model;

  @BeforeAll
  static void open() {
    engine = new DjlEngine(root, DjlEngineConfig.defaults());
    manager = TinyModels.manager();
    model = TinyModels.model(manager, 3);
  }

  @AfterAll
  static void close() {
    model.close();
    manager.close();
    engine.close();
  }

  @Override
  protected AdapterCatalog catalog() {
    return engine.catalog();
  }

  @Override
  protected String trainedArtifact() {
    String name = "trained-" + UUID.randomUUID().toString().substring(0, 8);
    StoreFixtures.installModel(engine.store(), name, model, TinyModels.tokenizer(), ArtifactInfo.Origin.FINE_TUNED,
        ModelStore.SCRATCH);
    return name;
  }
}
