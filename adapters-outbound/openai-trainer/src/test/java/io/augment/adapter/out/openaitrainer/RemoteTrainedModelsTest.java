package io.augment.adapter.out.openaitrainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.adapter.out.openaitrainer.FineTuningServerStub.Fault;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.model.BackendUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog of models the remote trainer made, read from the state files of succeeded jobs. */
class RemoteTrainedModelsTest {
  private final FineTuningServerStub stub = new FineTuningServerStub(20);
  @TempDir
  Path stateDir;
  private OpenAiFineTuner trainer;
  private RemoteTrainedModels catalog;

  @BeforeEach
  void trainTwoAndFailOne() throws Exception {
    trainer = new OpenAiFineTuner(Requests.config(stub, stateDir));
    catalog = new RemoteTrainedModels(Requests.config(stub, stateDir));
    train("job-b", Requests.lora("bravo", Requests.texts(2), 1));
    train("job-a", Requests.full("alpha", Requests.texts(2), List.of()));
    RecordingListener cancelled = new RecordingListener();
    trainer.start("job-c", Requests.lora("charlie", Requests.texts(6), 100), cancelled);
    trainer.cancel("job-c");
    assertThat(cancelled.awaitEnd(Duration.ofSeconds(20)).kind()).isEqualTo("cancelled");
  }

  @AfterEach
  void stop() {
    trainer.close();
    stub.close();
  }

  @Test
  void listsOnlyTheModelsOfSucceededJobsByName() {
    assertThat(catalog.adapters()).extracting(Adapter::name).containsExactly("alpha", "bravo");
    Adapter bravo = catalog.find("bravo").orElseThrow();
    assertThat(bravo.baseModel()).isEqualTo(FineTuningServerStub.BASE_MODEL);
    assertThat(bravo.method()).isEqualTo(AdaptationMethod.LORA);
    assertThat(bravo.bytes()).isZero();
    assertThat(bravo.training().tokens()).as("trained tokens as the remote reported them").isEqualTo(64);
    assertThat(catalog.find("alpha").orElseThrow().method()).isEqualTo(AdaptationMethod.FULL);
    assertThat(catalog.find("charlie")).isEmpty();
  }

  @Test
  void givesTheRemoteModelThatChatsAddress() {
    String remote = catalog.remoteModel("alpha").orElseThrow();

    assertThat(remote).startsWith("adapter:ft-alpha-");
    assertThat(stub.hasModel(remote)).isTrue();
    assertThat(catalog.remoteModel("charlie")).isEmpty();
  }

  @Test
  void deleteRemovesTheModelRemotelyAndForgetsIt() {
    String remote = catalog.remoteModel("bravo").orElseThrow();

    assertThat(catalog.delete("bravo")).isTrue();

    assertThat(stub.hasModel(remote)).isFalse();
    assertThat(catalog.find("bravo")).isEmpty();
    assertThat(stateDir.resolve("job-b.json")).doesNotExist();
    assertThat(catalog.delete("bravo")).isFalse();
  }

  @Test
  void deleteForgetsAModelTheRemoteCannotDelete() {
    stub.fail("DELETE /v1/models/{id}", Fault.status(405, "Method not allowed", null));

    assertThat(catalog.delete("alpha")).isTrue();

    assertThat(catalog.find("alpha")).isEmpty();
  }

  @Test
  void deleteKeepsTheModelWhenTheRemoteIsDown() {
    Fault down = Fault.status(503, "down", null);
    stub.fail("DELETE /v1/models/{id}", down, down, down);

    assertThatThrownBy(() -> catalog.delete("alpha")).isInstanceOf(BackendUnavailableException.class);

    assertThat(catalog.find("alpha")).isPresent();
  }

  @Test
  void aDeletedNameCanBeTrainedAgain() throws Exception {
    catalog.delete("alpha");

    trainer.validate(Requests.full("alpha", Requests.texts(2), List.of()));
  }

  private void train(String jobId, io.augment.domain.adaptation.FineTuneRequest request) throws Exception {
    RecordingListener listener = new RecordingListener();
    trainer.start(jobId, request, listener);
    assertThat(listener.awaitEnd(Duration.ofSeconds(20)).kind()).isEqualTo("succeeded");
  }
}
