package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.train.TrainingLock;
import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.job.JobStatus;
import io.augment.domain.model.CapacityExceededException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs that cannot run wild: cancels never lost, failures told plainly, bounds checked before queuing. */
class FineTuneSafetyTest {
  private static final GptConfig SCRATCH = GptConfig.of(320, 32, 32, 2, 2);
  private static final TrainingSettings LONG = new TrainingSettings(1, 100_000, 4, 16, 1e-3, 1);
  private static final TrainingSettings SHORT = new TrainingSettings(1, 3, 2, 8, 1e-3, 1);
  @TempDir
  Path root;
  private DjlEngine engine;

  @BeforeEach
  void setUp() {
    engine = new DjlEngine(root, new DjlEngineConfig(null, SCRATCH, 256, 1, 0, List.of(), 2));
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  private AdaptationJob start(String name, TrainingSettings training) {
    return engine.fineTuner().start(new FineTuneRequest(name, ModelStore.SCRATCH, AdaptationMethod.FULL, null,
        training, TinyModels.corpus(50, 1)));
  }

  @Test
  void aCancelIsNeverLostWhetherTheJobIsQueuedLaunchingRunningOrSaving() throws Exception {
    long[] delays = {0, 1, 5, 10, 20, 35, 50, 50, 50, 65, 80, 100, 150, 250, 400, 700, 1200, 2000};
    for (int trial = 0; trial < delays.length; trial++) {
      AdaptationJob job = start("cancel-" + trial, LONG);
      Thread.sleep(delays[trial]);
      engine.fineTuner().cancel(job.id());
      AdaptationJob done = await(job.id(), Duration.ofSeconds(30));
      assertThat(done.status()).as("trial %d, cancelled after %d ms", trial, delays[trial])
          .isEqualTo(JobStatus.CANCELLED);
      assertThat(engine.store().find("cancel-" + trial)).isEmpty();
      assertThat(workers()).as("no worker left after trial %d", trial).isEmpty();
    }
    // A short job cancelled around its end (its length measured first): either the cancel came
    // first (cancelled, nothing installed) or the job had already succeeded (installed, cancel ignored).
    long began = System.nanoTime();
    assertThat(await(start("measure", SHORT).id(), Duration.ofSeconds(60)).status()).isEqualTo(JobStatus.SUCCEEDED);
    long length = (System.nanoTime() - began) / 1_000_000;
    double[] fractions = {0.8, 0.9, 0.95, 1.0, 1.05, 1.15};
    for (int trial = 0; trial < fractions.length; trial++) {
      AdaptationJob job = start("late-" + trial, SHORT);
      Thread.sleep((long) (length * fractions[trial]));
      engine.fineTuner().cancel(job.id());
      JobStatus seen = engine.fineTuner().job(job.id()).orElseThrow().status();
      AdaptationJob done = await(job.id(), Duration.ofSeconds(60));
      if (seen == JobStatus.SUCCEEDED) {
        assertThat(engine.store().find("late-" + trial)).isPresent();
      } else {
        assertThat(done.status()).as("late trial %d, status when cancelled %s", trial, seen)
            .isEqualTo(JobStatus.CANCELLED);
        assertThat(engine.store().find("late-" + trial)).isEmpty();
      }
    }
  }

  @Test
  void aKilledWorkerFailsTheJobSayingHowItDiedWithoutServerPaths() throws Exception {
    AdaptationJob job = start("killed", LONG);
    awaitProgress(job.id());
    List<ProcessHandle> running = workers();
    assertThat(running).hasSize(1);
    running.get(0).destroyForcibly();

    AdaptationJob failed = await(job.id(), Duration.ofSeconds(30));
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error()).contains("killed by signal 9 (SIGKILL)").doesNotContain(root.toString())
        .doesNotContainPattern("(^|[\\s'\"(])/[\\w.-]+/");
    assertThat(engine.store().find("killed")).isEmpty();
  }

  @Test
  void refusesJobsBeyondTheQueueBoundWithAMessageAndQueuesNothingMore() throws Exception {
    AdaptationJob running = start("running", LONG);
    awaitProgress(running.id());
    start("waiting-1", LONG);
    start("waiting-2", LONG);

    CapacityExceededException full = catchThrowableOfType(CapacityExceededException.class,
        () -> start("one-too-many", LONG));
    assertThat(full).hasMessageContaining("queue is full").hasMessageContaining("limit is 2");
    assertThat(engine.fineTuner().jobs()).extracting(j -> j.request().name())
        .containsExactly("running", "waiting-1", "waiting-2");
    engine.fineTuner().jobs().forEach(j -> engine.fineTuner().cancel(j.id()));
  }

  @Test
  void withNoRoomToQueueAJobStillStartsWhenTheEngineIsIdle() {
    try (DjlEngine strict = new DjlEngine(root.resolve("strict"), new DjlEngineConfig(null, SCRATCH, 256, 1, 0,
        List.of(), 0))) {
      AdaptationJob first = strict.fineTuner().start(new FineTuneRequest("first", ModelStore.SCRATCH,
          AdaptationMethod.FULL, null, LONG, TinyModels.corpus(50, 1)));
      assertThat(catchThrowableOfType(CapacityExceededException.class, () -> strict.fineTuner().start(
          new FineTuneRequest("second", ModelStore.SCRATCH, AdaptationMethod.FULL, null, LONG,
              TinyModels.corpus(50, 1))))).isNotNull();
      strict.fineTuner().cancel(first.id());
    }
  }

  @Test
  void refusesRanksAndSequencesTheBaseModelCannotTakeBeforeQueuing() {
    try (var manager = TinyModels.manager(); var model = TinyModels.model(manager, 1)) {
      StoreFixtures.installModel(engine.store(), "base", model, TinyModels.tokenizer(), ArtifactInfo.Origin.PRETRAINED,
          ModelStore.SCRATCH);
    }
    TrainingSettings fits = new TrainingSettings(1, 5, 4, 32, 1e-3, 1);
    TrainingSettings tooLong = new TrainingSettings(1, 5, 4, 64, 1e-3, 1);
    List<String> texts = List.of("the cat sees the ball.");

    assertThat(fieldOf(new FineTuneRequest("x", "base", AdaptationMethod.LORA,
        new LoraSettings(64, 16, 0, Set.of("q_proj")), fits, texts))).isEqualTo("lora.rank");
    assertThat(fieldOf(new FineTuneRequest("x", "base", AdaptationMethod.LORA,
        new LoraSettings(4, 16, 0, Set.of("q_proj")), tooLong, texts))).isEqualTo("training.sequenceLength");
    assertThat(fieldOf(new FineTuneRequest("x", ModelStore.SCRATCH, AdaptationMethod.FULL, null, tooLong, texts)))
        .isEqualTo("training.sequenceLength");
    assertThat(engine.fineTuner().jobs()).isEmpty();
  }

  @Test
  void refusesANameALiveWorkerOfAnotherServerIsTraining() throws Exception {
    Files.createDirectories(engine.store().locks());
    ProcessHandle me = ProcessHandle.current();
    Files.writeString(engine.store().lock("shared"), Json.line(new TrainingLock.Holder(me.pid(),
        me.info().startInstant().orElseThrow().toString())));

    ConflictException busy = catchThrowableOfType(ConflictException.class, () -> start("shared", LONG));
    assertThat(busy).hasMessageContaining("being trained by another worker");
    assertThat(engine.fineTuner().jobs()).isEmpty();
  }

  private String fieldOf(FineTuneRequest request) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> engine.fineTuner().start(request));
    assertThat(e).as("refused").isNotNull();
    return e.field();
  }

  /** Training worker processes of this test's engine that are still alive. */
  private List<ProcessHandle> workers() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("TrainingWorker"))
        .filter(p -> p.info().commandLine().orElse("").contains(root.toString())).toList();
  }

  private void awaitProgress(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (engine.fineTuner().job(id).orElseThrow().progress().done() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(engine.fineTuner().job(id).orElseThrow().progress().done()).as("the job makes progress").isPositive();
  }

  private AdaptationJob await(String id, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    AdaptationJob job = engine.fineTuner().job(id).orElseThrow();
    while (!job.status().finished() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      job = engine.fineTuner().job(id).orElseThrow();
    }
    return job;
  }
}
