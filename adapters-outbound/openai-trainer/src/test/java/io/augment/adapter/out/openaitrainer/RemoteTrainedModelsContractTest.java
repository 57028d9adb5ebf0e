package io.augment.adapter.out.openaitrainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.AdapterCatalogContract;
import io.augment.domain.adaptation.RecordingListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The remote trainer's catalog against the contract: each artifact is a job the in-memory API runs to success. */
class RemoteTrainedModelsContractTest extends AdapterCatalogContract {
  private final FineTuningServerStub stub = new FineTuningServerStub(20);
  @TempDir
  Path stateDir;
  private OpenAiFineTuner trainer;

  @BeforeEach
  void start() {
    trainer = new OpenAiFineTuner(Requests.config(stub, stateDir));
  }

  @AfterEach
  void stop() {
    trainer.close();
    stub.close();
  }

  @Override
  protected AdapterCatalog catalog() {
    return trainer.trainedModels();
  }

  @Override
  protected String trainedArtifact() throws Exception {
    String name = "remote-" + UUID.randomUUID().toString().substring(0, 8);
    RecordingListener listener = new RecordingListener();
    trainer.start("job-" + name, Requests.lora(name, Requests.texts(2), 1), listener);
    assertThat(listener.awaitEnd(Duration.ofSeconds(20)).kind()).isEqualTo("succeeded");
    return name;
  }
}
