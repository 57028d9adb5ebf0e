package io.augment.adapter.out.openaitrainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.adapter.out.openaitrainer.FineTuningServerStub.Fault;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.CapacityExceededException;
import io.augment.domain.model.InvalidInputException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the remote's refusals, outages and silences reach callers and listeners. */
class OpenAiFineTunerFailuresTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private final FineTuningServerStub stub = new FineTuningServerStub(20);
  @TempDir
  Path stateDir;
  private OpenAiFineTuner trainer;

  private OpenAiFineTuner trainer(OpenAiTrainerConfig config) {
    trainer = new OpenAiFineTuner(config);
    return trainer;
  }

  private OpenAiFineTuner trainer() {
    return trainer(Requests.config(stub, stateDir));
  }

  @AfterEach
  void stop() {
    if (trainer != null) {
      trainer.close();
    }
    stub.close();
  }

  @Test
  void aRefusedKeyAtUploadIsBackendUnavailableNamingTheRemoteWithoutTheKey() {
    OpenAiFineTuner wrongKey = trainer(Requests.config(stub, stateDir).withApiKey("sk-wrong-key-123"));

    assertThatThrownBy(() -> wrongKey.start("job-key", Requests.lora("key", Requests.texts(2), 1),
        new RecordingListener()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("the remote trainer at 127.0.0.1:")
        .hasMessageContaining("refused the configured API key (HTTP 401)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-wrong-key-123"));
    assertThat(stub.received("POST", "/v1/files")).as("a refused key is not retried").hasSize(1);
    assertThat(stateDir).isEmptyDirectory();
  }

  @Test
  void tooManyRequestsIsRetriedAfterTheRemotesRetryAfter() throws Exception {
    stub.fail("POST /v1/files", Fault.throttled(1));
    RecordingListener listener = new RecordingListener();

    trainer().start("job-429", Requests.lora("throttled", Requests.texts(2), 1), listener);

    List<FineTuningServerStub.Received> uploads = stub.received("POST", "/v1/files");
    assertThat(uploads).hasSize(2);
    assertThat(Duration.ofNanos(uploads.get(1).nanos() - uploads.get(0).nanos()))
        .as("waited the Retry-After second, not the 10 ms backoff").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(listener.awaitEnd(PATIENCE).kind()).isEqualTo("succeeded");
  }

  @Test
  void tooManyRequestsThroughEveryRetryIsCapacityExceeded() {
    stub.fail("POST /v1/files", Fault.throttled(0), Fault.throttled(0), Fault.throttled(0));

    assertThatThrownBy(() -> trainer().start("job-429s", Requests.lora("throttled", Requests.texts(2), 1),
        new RecordingListener()))
        .isInstanceOf(CapacityExceededException.class)
        .hasMessageContaining("after 2 retries")
        .hasMessageContaining("HTTP 429");
    assertThat(stub.received("POST", "/v1/files")).hasSize(3);
    assertThat(stateDir).isEmptyDirectory();
  }

  @Test
  void aRetryAfterLongerThanHalfAMinuteIsCapacityExceededAtOnce() {
    stub.fail("POST /v1/files", Fault.throttled(3600));

    assertThatThrownBy(() -> trainer().start("job-hour", Requests.lora("hour", Requests.texts(2), 1),
        new RecordingListener()))
        .isInstanceOf(CapacityExceededException.class)
        .hasMessageContaining("retry after 3600 s");
    assertThat(stub.received("POST", "/v1/files")).hasSize(1);
  }

  @Test
  void aServerErrorIsRetried() throws Exception {
    stub.fail("POST /v1/fine_tuning/jobs", Fault.status(500, "internal error", null));
    RecordingListener listener = new RecordingListener();

    trainer().start("job-500", Requests.lora("retried", Requests.texts(2), 1), listener);

    assertThat(stub.received("POST", "/v1/fine_tuning/jobs")).hasSize(2);
    assertThat(listener.awaitEnd(PATIENCE).kind()).isEqualTo("succeeded");
  }

  @Test
  void serverErrorsThroughEveryRetryAreBackendUnavailableAndTheUploadIsDeleted() {
    Fault down = Fault.status(503, "overloaded", null);
    stub.fail("POST /v1/fine_tuning/jobs", down, down, down);

    assertThatThrownBy(() -> trainer().start("job-503", Requests.lora("down", Requests.texts(2), 1),
        new RecordingListener()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("creation of the fine-tuning job failed after 2 retries: HTTP 503: overloaded");
    assertThat(stub.received("DELETE", java.util.regex.Pattern.compile("/v1/files/file-.*"))).hasSize(1);
    assertThat(stateDir).isEmptyDirectory();
  }

  @Test
  void aSettingTheRemoteRefusesIsInvalidInputNamingTheRequestField() {
    stub.fail("POST /v1/fine_tuning/jobs",
        Fault.status(400, "n_epochs must be at most 50", "method.lora.hyperparameters.n_epochs"));

    assertThatThrownBy(() -> trainer().start("job-400", Requests.lora("refused", Requests.texts(2), 1),
        new RecordingListener()))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          assertThat(((InvalidInputException) e).field()).isEqualTo("training.epochs");
          assertThat(((InvalidInputException) e).reason()).contains("n_epochs must be at most 50");
        });
  }

  @Test
  void aLineTheRemoteRefusesAtUploadIsInvalidInputOfTheTexts() {
    stub.fail("POST /v1/files", Fault.status(400, "line 2: too long", "file"));

    assertThatThrownBy(() -> trainer().start("job-line", Requests.lora("line", Requests.texts(2), 1),
        new RecordingListener()))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("texts"))
        .hasMessageContaining("line 2: too long");
  }

  @Test
  void aRemoteThatNeverAnswersFailsTheCallWithinItsTimeoutAndRetries() {
    stub.goSilent();
    OpenAiTrainerConfig config = Requests.config(stub, stateDir)
        .withRetries(Duration.ofMillis(200), 1, Duration.ofMillis(10), Duration.ofMillis(10));

    long started = System.nanoTime();
    assertThatThrownBy(() -> trainer(config).validate(Requests.lora("silent", Requests.texts(2), 1)))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("no answer within 200 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aRemoteThatCannotBeReachedIsBackendUnavailableNamingIt() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    OpenAiTrainerConfig config = new OpenAiTrainerConfig("http://127.0.0.1:" + port + "/v1", "k",
        Files.createDirectories(stateDir.resolve("closed")))
        .withRetries(Duration.ofSeconds(1), 1, Duration.ofMillis(10), Duration.ofMillis(10));

    assertThatThrownBy(() -> trainer(config).validate(Requests.lora("closed", Requests.texts(2), 1)))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("the remote trainer at 127.0.0.1:" + port)
        .hasMessageContaining("could not connect");
  }

  @Test
  void aRemoteThatFallsSilentWhileTrainingFailsTheJobAfterThePatience() throws Exception {
    OpenAiTrainerConfig config = Requests.config(stub, stateDir)
        .withRetries(Duration.ofMillis(200), 0, Duration.ofMillis(10), Duration.ofMillis(10))
        .withFollowPatience(Duration.ofSeconds(1));
    RecordingListener listener = new RecordingListener();
    trainer(config).start("job-silent", Requests.lora("silent", Requests.texts(6), 100), listener);
    listener.awaitStep(PATIENCE);

    stub.goSilent();

    assertThat(listener.awaitEnd(PATIENCE).kind()).isEqualTo("failed");
    assertThat(listener.reason).startsWith("the remote trainer at 127.0.0.1:").contains("could not be reached for")
        .contains("no answer within 200 ms");
    assertThat(listener.ends()).hasSize(1);
    assertThat(TrainerHttp.JSON.readTree(stateDir.resolve("job-silent.json").toFile()).path("status").asText())
        .as("a restart learns it failed").isEqualTo("FAILED");
  }

  @Test
  void transientErrorsWhileFollowingAreRetriedWithoutEndingTheJob() throws Exception {
    Fault down = Fault.status(502, "bad gateway", null);
    stub.fail("GET /v1/fine_tuning/jobs/{id}", down, down, down, down, down, down);
    RecordingListener listener = new RecordingListener();

    trainer().start("job-flaky", Requests.lora("flaky", Requests.texts(2), 2), listener);

    assertThat(listener.awaitEnd(PATIENCE).kind()).isEqualTo("succeeded");
  }
}
