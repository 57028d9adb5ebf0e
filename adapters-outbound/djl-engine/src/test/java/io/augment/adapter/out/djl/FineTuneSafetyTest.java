package io.augment.adapter.out.djl;

import static io.augment.adapter.out.djl.FineTuneRuns.PATIENCE;
import static io.augment.adapter.out.djl.FineTuneRuns.pretrain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.train.TrainingLock;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.CapacityExceededException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

  private record Started(String id, RecordingListener listener) {}

  private Started start(String name, TrainingSettings training) {
    String id = FineTuneRuns.jobId();
    RecordingListener listener = new RecordingListener();
    engine.fineTuner().start(id, pretrain(name, training, TinyModels.corpus(50, 1)), listener);
    return new Started(id, listener);
  }

  @Test
  void aCancelIsNeverLostWhetherTheJobIsQueuedLaunchingRunningOrSaving() throws Exception {
    long[] delays = {0, 1, 5, 10, 20, 35, 50, 50, 50, 65, 80, 100, 150, 250, 400, 700, 1200, 2000};
    for (int trial = 0; trial < delays.length; trial++) {
      Started job = start("cancel-" + trial, LONG);
      Thread.sleep(delays[trial]);
      engine.fineTuner().cancel(job.id());
      assertThat(job.listener().awaitEnd(Duration.ofSeconds(30)).kind())
          .as("trial %d, cancelled after %d ms", trial, delays[trial]).isEqualTo("cancelled");
      assertThat(job.listener().ends()).hasSize(1);
      assertThat(engine.store().find("cancel-" + trial)).isEmpty();
      awaitNoWorkers();
      assertThat(FineTuneRuns.awaitGone(engine.store().jobs().resolve(job.id())))
          .as("a cancelled job leaves no folder").isTrue();
    }
    // A short job cancelled around its end (its length measured first): either the cancel came
    // first (cancelled, nothing installed) or the job had already succeeded (installed, cancel ignored).
    long began = System.nanoTime();
    assertThat(start("measure", SHORT).listener().awaitEnd(Duration.ofSeconds(60)).kind()).isEqualTo("succeeded");
    long length = (System.nanoTime() - began) / 1_000_000;
    double[] fractions = {0.8, 0.9, 0.95, 1.0, 1.05, 1.15};
    for (int trial = 0; trial < fractions.length; trial++) {
      Started job = start("late-" + trial, SHORT);
      Thread.sleep((long) (length * fractions[trial]));
      engine.fineTuner().cancel(job.id());
      String end = job.listener().awaitEnd(Duration.ofSeconds(60)).kind();
      assertThat(job.listener().ends()).as("late trial %d", trial).hasSize(1);
      assertThat(end).isIn("succeeded", "cancelled");
      assertThat(engine.store().find("late-" + trial).isPresent()).as("late trial %d ended %s", trial, end)
          .isEqualTo(end.equals("succeeded"));
    }
  }

  @Test
  void refusesJobsBeyondTheQueueBoundWithAMessageAndQueuesNothingMore() throws Exception {
    Started running = start("running", LONG);
    running.listener().awaitStep(PATIENCE);
    List<Started> waiting = new ArrayList<>(List.of(start("waiting-1", LONG), start("waiting-2", LONG)));

    CapacityExceededException full = catchThrowableOfType(CapacityExceededException.class,
        () -> start("one-too-many", LONG));
    assertThat(full).hasMessageContaining("queue is full").hasMessageContaining("limit is 2");
    try (var folders = Files.list(engine.store().jobs())) {
      assertThat(folders.map(p -> p.getFileName().toString()).toList()).as("the refused job wrote nothing")
          .containsExactlyInAnyOrder(running.id(), waiting.get(0).id(), waiting.get(1).id());
    }
    waiting.add(running);
    waiting.forEach(j -> engine.fineTuner().cancel(j.id()));
    for (Started j : waiting) {
      assertThat(j.listener().awaitEnd(PATIENCE).kind()).isEqualTo("cancelled");
    }
  }

  @Test
  void withNoRoomToQueueAJobStillStartsWhenTheEngineIsIdle() throws Exception {
    try (DjlEngine strict = new DjlEngine(root.resolve("strict"), new DjlEngineConfig(null, SCRATCH, 256, 1, 0,
        List.of(), 0))) {
      RecordingListener first = FineTuneRuns.start(strict.fineTuner(), pretrain("first", LONG,
          TinyModels.corpus(50, 1)));
      assertThat(catchThrowableOfType(CapacityExceededException.class, () -> FineTuneRuns.start(strict.fineTuner(),
          pretrain("second", LONG, TinyModels.corpus(50, 1))))).isNotNull();
      assertThat(first.ends()).isEmpty();
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

    assertThat(fieldOf(FineTuneRuns.request("x", "base", AdaptationMethod.LORA,
        new LoraSettings(64, 16, 0, Set.of("q_proj")), fits, texts))).isEqualTo("lora.rank");
    assertThat(fieldOf(FineTuneRuns.request("x", "base", AdaptationMethod.LORA,
        new LoraSettings(4, 16, 0, Set.of("q_proj")), tooLong, texts))).isEqualTo("training.sequenceLength");
    assertThat(fieldOf(pretrain("x", tooLong, texts))).isEqualTo("training.sequenceLength");
    assertThat(engine.store().jobs()).doesNotExist();
  }

  @Test
  void refusesANameALiveWorkerOfAnotherServerIsTraining() throws Exception {
    Files.createDirectories(engine.store().locks());
    ProcessHandle me = ProcessHandle.current();
    Files.writeString(engine.store().lock("shared"), Json.line(new TrainingLock.Holder(me.pid(),
        me.info().startInstant().orElseThrow().toString())));

    ConflictException busy = catchThrowableOfType(ConflictException.class, () -> start("shared", LONG));
    assertThat(busy).hasMessageContaining("being trained by another worker");
    assertThat(engine.store().jobs()).doesNotExist();
  }

  private String fieldOf(FineTuneRequest request) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> FineTuneRuns.start(engine.fineTuner(), request));
    assertThat(e).as("refused").isNotNull();
    return e.field();
  }

  /** Training worker processes of this test's engine that are still alive. */
  private List<ProcessHandle> workers() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("TrainingWorker"))
        .filter(p -> p.info().commandLine().orElse("").contains(root.toString())).toList();
  }

  private void awaitNoWorkers() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!workers().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(workers()).as("no worker left").isEmpty();
  }
}
