package io.augment.adapter.out.openaitrainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.ForwardingListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the trainer sends, stores and reports, against the in-memory fine-tuning API. */
class OpenAiFineTunerTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private final FineTuningServerStub stub = new FineTuningServerStub(20);
  @TempDir
  Path stateDir;
  private OpenAiFineTuner trainer;

  private OpenAiFineTuner trainer() {
    if (trainer == null) {
      trainer = new OpenAiFineTuner(Requests.config(stub, stateDir));
    }
    return trainer;
  }

  @AfterEach
  void stop() {
    if (trainer != null) {
      trainer.close();
    }
    stub.close();
  }

  @Test
  void uploadsEachExampleFormAsItsJsonlLine() throws Exception {
    List<TrainingExample> examples = List.of(
        new TrainingExample.Chat(List.of(new TrainingExample.Message("system", "Be brief."),
            new TrainingExample.Message("user", "Where is\nthe bell?"),
            new TrainingExample.Message("assistant", "In \"Varn\"."))),
        new TrainingExample.PromptCompletion("Who rings it? ", "The keeper."),
        new TrainingExample.Text("Varn has one lighthouse."));
    RecordingListener listener = new RecordingListener();

    trainer().start("job-forms", Requests.full("forms", examples, List.of(new TrainingExample.Text("Held out."))),
        listener);

    List<FineTuningServerStub.Received> uploads = stub.received("POST", "/v1/files");
    assertThat(uploads).hasSize(2);
    JsonNode job = stub.received("POST", "/v1/fine_tuning/jobs").get(0).json();
    String training = new String(stub.content(job.path("training_file").asText()), StandardCharsets.UTF_8);
    assertThat(training.split("\n")).containsExactly(
        "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Where is\\nthe bell?\"},"
            + "{\"role\":\"assistant\",\"content\":\"In \\\"Varn\\\".\"}]}",
        "{\"prompt\":\"Who rings it? \",\"completion\":\"The keeper.\"}",
        "{\"text\":\"Varn has one lighthouse.\"}");
    assertThat(new String(stub.content(job.path("validation_file").asText()), StandardCharsets.UTF_8))
        .isEqualTo("{\"text\":\"Held out.\"}\n");
    assertThat(new String(uploads.get(0).body(), StandardCharsets.UTF_8))
        .contains("name=\"purpose\"\r\n\r\nfine-tune\r\n", "filename=\"train.jsonl\"");
    assertThat(listener.awaitEnd(PATIENCE).kind()).isEqualTo("succeeded");
    assertThat(listener.of("step")).as("validation loss is reported with a validation file")
        .allMatch(h -> !h.detail().endsWith("validation null"));
  }

  @Test
  void createsALoraJobWithItsHyperparametersInMethodAndASuffixFromTheName() throws Exception {
    RecordingListener listener = new RecordingListener();

    trainer().start("job-lora", Requests.lora("Support_Bot.v2", Requests.texts(4), 3), listener);

    JsonNode body = stub.received("POST", "/v1/fine_tuning/jobs").get(0).json();
    assertThat(body.path("model").asText()).isEqualTo(FineTuningServerStub.BASE_MODEL);
    assertThat(body.path("suffix").asText()).isEqualTo("support-bot-v2");
    assertThat(body.path("seed").asLong()).isEqualTo(7);
    assertThat(body.has("hyperparameters")).as("the legacy top-level place is not used").isFalse();
    assertThat(body.has("validation_file")).isFalse();
    assertThat(body.path("method").path("type").asText()).isEqualTo("lora");
    JsonNode hyper = body.path("method").path("lora").path("hyperparameters");
    assertThat(hyper.path("n_epochs").asInt()).isEqualTo(3);
    assertThat(hyper.path("batch_size").asInt()).isEqualTo(2);
    assertThat(hyper.path("learning_rate_multiplier").asDouble()).as("1e-3 over the LoRA default 2e-3").isEqualTo(0.5);
    assertThat(hyper.path("rank").asInt()).isEqualTo(4);
    assertThat(hyper.path("alpha").asDouble()).isEqualTo(8);
    assertThat(hyper.path("dropout").asDouble()).isEqualTo(0.1);
    assertThat(hyper.path("target_modules")).extracting(JsonNode::asText).containsExactly("c_attn", "c_proj");
    assertThat(listener.awaitEnd(PATIENCE).kind()).isEqualTo("succeeded");
  }

  @Test
  void createsAFullJobAsSupervisedWithTheFullLearningRateMultiplier() throws Exception {
    RecordingListener listener = new RecordingListener();

    trainer().start("job-full", Requests.full("full-model", Requests.texts(4), List.of()), listener);

    JsonNode method = stub.received("POST", "/v1/fine_tuning/jobs").get(0).json().path("method");
    assertThat(method.path("type").asText()).isEqualTo("supervised");
    assertThat(method.path("supervised").path("hyperparameters").path("learning_rate_multiplier").asDouble())
        .as("1e-3 over the full default 5e-4").isEqualTo(2.0);
    assertThat(method.path("supervised").path("hyperparameters").has("rank")).isFalse();
    assertThat(listener.awaitEnd(PATIENCE).kind()).isEqualTo("succeeded");
  }

  @Test
  void storesTheRemoteJobBeforeStartReturns() throws Exception {
    trainer().start("job-stored", Requests.lora("stored", Requests.texts(6), 100), new RecordingListener());

    JsonNode state = TrainerHttp.JSON.readTree(stateDir.resolve("job-stored.json").toFile());
    JsonNode created = stub.received("POST", "/v1/fine_tuning/jobs").get(0).json();
    assertThat(state.path("remoteJobId").asText()).startsWith("ftjob-");
    assertThat(state.path("name").asText()).isEqualTo("stored");
    assertThat(state.path("trainingFile").asText()).isEqualTo(created.path("training_file").asText());
    assertThat(state.path("status").asText()).isEqualTo("VALIDATING_FILES");
    try (var files = Files.list(stateDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left").containsExactly("job-stored.json");
    }
  }

  @Test
  void reportsStepsCheckpointsAndTheTrainedModel() throws Exception {
    RecordingListener listener = new RecordingListener();

    trainer().start("job-report", Requests.lora("reported", Requests.texts(6), 3), listener);

    assertThat(listener.awaitEnd(PATIENCE).kind()).isEqualTo("succeeded");
    assertThat(listener.of("running")).as("once, before the first step; total steps 0 until a metrics event told")
        .singleElement().extracting(RecordingListener.Heard::detail).asString().matches("0/0/(0|9)");
    assertThat(listener.heard.get(0).kind()).isEqualTo("running");
    assertThat(listener.of("step")).extracting(RecordingListener.Heard::detail)
        .first().asString().startsWith("1/9 loss ");
    assertThat(listener.of("step")).hasSize(9);
    assertThat(listener.of("checkpoint")).extracting(RecordingListener.Heard::detail).containsExactly("3", "6", "9");
    assertThat(listener.checkpoints).extracting(c -> c.step()).containsExactly(3, 6, 9);
    assertThat(listener.metrics.trainedTokens()).isEqualTo(9 * 64);
    assertThat(listener.metrics.lossCurve()).hasSize(9);
    assertThat(listener.metrics.tokensPerSecond()).isEqualTo(1234.5);
    String model = trainer().trainedModels().remoteModel("reported").orElseThrow();
    assertThat(model).startsWith("adapter:ft-reported-");
    assertThat(stub.hasModel(model)).isTrue();
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheFollowing() throws Exception {
    RecordingListener recorded = new RecordingListener();
    FineTuneListener throwing = new ForwardingListener(recorded) {
      @Override
      public void step(int step, int totalSteps, double loss, Double validationLoss, double tokensPerSecond) {
        super.step(step, totalSteps, loss, validationLoss, tokensPerSecond);
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void checkpoint(FineTuneCheckpoint saved, List<FineTuneCheckpoint> kept) {
        throw new IllegalStateException("listener bug");
      }
    };

    trainer().start("job-throws", Requests.lora("throws", Requests.texts(6), 2), throwing);

    assertThat(recorded.awaitEnd(PATIENCE).kind()).isEqualTo("succeeded");
    assertThat(recorded.of("step")).hasSize(6);
  }

  @Test
  void reportsTheRemotesWarningsAndItsReasonWhenTheJobFails() throws Exception {
    stub.warnAt(2);
    stub.failJobsAt(4, "CUDA out of memory on the remote worker");
    RecordingListener listener = new RecordingListener();

    trainer().start("job-fails", Requests.lora("fails", Requests.texts(6), 3), listener);

    assertThat(listener.awaitEnd(PATIENCE).kind()).isEqualTo("failed");
    assertThat(listener.reason).contains("CUDA out of memory on the remote worker");
    assertThat(listener.of("warning")).extracting(RecordingListener.Heard::detail)
        .contains("the remote trainer restarted a worker at step 2");
    assertThat(trainer().trainedModels().find("fails")).isEmpty();
    RecordingListener later = new RecordingListener();
    assertThat(new OpenAiFineTuner(Requests.config(stub, stateDir)).resume("job-fails", later)).isTrue();
    assertThat(later.awaitEnd(PATIENCE).detail()).as("a resume learns how it ended").contains("CUDA out of memory");
  }

  @Test
  void refusesAnUnknownBaseModelAsNotFoundWithoutUploading() {
    FineTuneRequest request = new FineTuneRequest("x", "no-such-base", AdaptationMethod.LORA, Requests.LORA,
        new TrainingSettings(1, 0, 2, 64, 1e-3, 1), Requests.texts(2), List.of());

    assertThatThrownBy(() -> trainer().validate(request)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("base model 'no-such-base'");
    assertThat(stub.received("POST", "/v1/files")).isEmpty();
  }

  @Test
  void findsTheBaseModelInTheListWhenTheRemoteHasNoSingleModelRoute() {
    stub.fail("GET /v1/models/{id}", FineTuningServerStub.Fault.status(404, "Unknown path", null),
        FineTuningServerStub.Fault.status(404, "Unknown path", null));

    trainer().validate(Requests.lora("listed", Requests.texts(2), 1));

    assertThat(stub.received("GET", "/v1/models")).hasSize(1);
    FineTuneRequest unknown = new FineTuneRequest("x", "no-such-base", AdaptationMethod.LORA, Requests.LORA,
        new TrainingSettings(1, 0, 2, 64, 1e-3, 1), Requests.texts(2), List.of());
    assertThatThrownBy(() -> trainer().validate(unknown)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void refusesNamesOutsideTheAlphabetAndAStepLimitItCannotSend() {
    assertThatThrownBy(() -> trainer().validate(Requests.lora("a/b", Requests.texts(2), 1)))
        .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field()).isEqualTo("name");
    assertThatThrownBy(() -> trainer().validate(Requests.lora("x".repeat(101), Requests.texts(2), 1)))
        .isInstanceOf(InvalidInputException.class);
    FineTuneRequest steps = new FineTuneRequest("steps", FineTuningServerStub.BASE_MODEL, AdaptationMethod.FULL, null,
        new TrainingSettings(1, 50, 2, 64, 1e-3, 1), Requests.texts(2), List.of());
    assertThatThrownBy(() -> trainer().validate(steps)).isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("training.maxSteps");
  }

  @Test
  void refusesTheNameOfAModelItAlreadyMade() throws Exception {
    RecordingListener listener = new RecordingListener();
    trainer().start("job-made", Requests.lora("made", Requests.texts(2), 1), listener);
    listener.awaitEnd(PATIENCE);

    assertThatThrownBy(() -> trainer().validate(Requests.lora("made", Requests.texts(2), 1)))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> trainer().start("job-made-again", Requests.lora("made", Requests.texts(2), 1),
        new RecordingListener())).isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void refusesHostileJobIdsWithoutTouchingFilesOutsideTheStateDirectory() throws Exception {
    Path outside = stateDir.resolveSibling(stateDir.getFileName() + "-outside.json");
    Files.writeString(outside, "{}");
    for (String hostile : List.of("../" + stateDir.getFileName() + "-outside", "a/b", "..", "", "x".repeat(101),
        "job\u0000", "job.json")) {
      assertThatThrownBy(() -> trainer().start(hostile, Requests.lora("h", Requests.texts(2), 1),
          new RecordingListener())).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> trainer().resume(hostile, new RecordingListener())).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> trainer().cancel(hostile)).isInstanceOf(InvalidInputException.class);
    }
    trainer().retainOnly(Set.of());

    assertThat(outside).exists();
    assertThat(stub.received("POST", "/v1/files")).isEmpty();
    Files.delete(outside);
  }

  @Test
  void aNewTrainerResumesFollowingFromTheStoredCursorToSuccess() throws Exception {
    RecordingListener before = new RecordingListener();
    trainer().start("job-resume", Requests.lora("resumed", Requests.texts(6), 10), before);
    awaitUntil(() -> storedStep("job-resume") > 0);
    trainer.close();
    int storedStep = storedStep("job-resume");

    RecordingListener after = new RecordingListener();
    OpenAiFineTuner next = new OpenAiFineTuner(Requests.config(stub, stateDir));
    try {
      assertThat(next.resume("job-resume", after)).isTrue();
      assertThat(after.awaitEnd(PATIENCE).kind()).as("heard %s", after.heard).isEqualTo("succeeded");
    } finally {
      next.close();
    }
    assertThat(after.of("step")).extracting(h -> Integer.parseInt(h.detail().split("/")[0]))
        .as("steps already reported are not reported again").allMatch(step -> step > storedStep).contains(30);
    assertThat(new RemoteTrainedModels(Requests.config(stub, stateDir)).remoteModel("resumed")).isPresent();
  }

  @Test
  void resumeOfASucceededJobReportsSuccessWithoutCallingTheRemote() throws Exception {
    RecordingListener first = new RecordingListener();
    trainer().start("job-done", Requests.lora("done", Requests.texts(2), 1), first);
    first.awaitEnd(PATIENCE);
    trainer.close();
    stub.goSilent();

    RecordingListener later = new RecordingListener();
    assertThat(new OpenAiFineTuner(Requests.config(stub, stateDir)).resume("job-done", later)).isTrue();

    assertThat(later.awaitEnd(Duration.ofSeconds(1)).kind()).isEqualTo("succeeded");
    assertThat(later.metrics.trainedTokens()).isEqualTo(first.metrics.trainedTokens());
  }

  @Test
  void retainOnlyForgetsAndCancelsUnfinishedJobsNotLiveButKeepsTrainedModels() throws Exception {
    RecordingListener done = new RecordingListener();
    trainer().start("job-kept", Requests.lora("kept", Requests.texts(2), 1), done);
    done.awaitEnd(PATIENCE);
    trainer().start("job-orphan", Requests.lora("orphan", Requests.texts(6), 100), new RecordingListener());
    String orphan = TrainerHttp.JSON.readTree(stateDir.resolve("job-orphan.json").toFile()).path("remoteJobId").asText();
    trainer.close();

    OpenAiFineTuner next = new OpenAiFineTuner(Requests.config(stub, stateDir));
    try {
      next.retainOnly(Set.of());
      assertThat(next.resume("job-orphan", new RecordingListener())).isFalse();
      assertThat(stateDir.resolve("job-kept.json")).exists();
      assertThat(next.trainedModels().find("kept")).isPresent();
      awaitUntil(() -> stub.status(orphan).equals("cancelled"));
    } finally {
      next.close();
    }
  }

  @Test
  void cancelAfterTheEndChangesNothing() throws Exception {
    RecordingListener listener = new RecordingListener();
    trainer().start("job-ended", Requests.lora("ended", Requests.texts(2), 1), listener);
    listener.awaitEnd(PATIENCE);

    trainer().cancel("job-ended");

    assertThat(stub.received("POST", Pattern.compile("/v1/fine_tuning/jobs/.*/cancel"))).isEmpty();
    assertThat(listener.ends()).hasSize(1);
    assertThat(trainer().trainedModels().find("ended")).get()
        .satisfies(a -> assertThat(a.baseModel()).isEqualTo(FineTuningServerStub.BASE_MODEL));
  }

  /** The step of the metrics event the job's state file names as the last one reported (0 for none). */
  private int storedStep(String jobId) {
    try {
      JsonNode state = TrainerHttp.JSON.readTree(stateDir.resolve(jobId + ".json").toFile());
      return stub.stepOf(state.path("remoteJobId").asText(), state.path("lastEventId").asText());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE);
      }
      Thread.sleep(20);
    }
  }

}
