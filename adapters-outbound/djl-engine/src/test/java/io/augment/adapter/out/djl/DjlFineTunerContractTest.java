package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.adaptation.FineTunerContract;
import io.augment.domain.adaptation.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The local engine's trainer against the shared contract, pretraining tiny models from scratch. */
class DjlFineTunerContractTest extends FineTunerContract {
  @TempDir
  static Path root;
  private static DjlEngine engine;

  @BeforeAll
  static void open() {
    engine = new DjlEngine(root, new DjlEngineConfig(null, GptConfig.of(320, 32, 32, 2, 2), 256, 1, 0, List.of()));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Override
  protected FineTuner trainer() {
    return engine.fineTuner();
  }

  @Override
  protected FineTuneRequest runnable(String name) {
    return new FineTuneRequest(name, "scratch", io.augment.domain.adaptation.AdaptationMethod.FULL, null,
        new TrainingSettings(1, 5, 4, 16, 1e-3, 1), mixedExamples(10), List.of());
  }

  @Override
  protected FineTuneRequest longRunning(String name) {
    return new FineTuneRequest(name, "scratch", io.augment.domain.adaptation.AdaptationMethod.FULL, null,
        new TrainingSettings(1, 100_000, 4, 16, 1e-3, 1), mixedExamples(10), List.of());
  }
}
