package io.augment.adapter.out.djl;

import static io.augment.adapter.out.djl.FineTuneRuns.PATIENCE;
import static io.augment.adapter.out.djl.FineTuneRuns.pretrain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.format.SafeTensors;
import io.augment.adapter.out.djl.format.Tensor;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.train.TrainingLock;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.ForwardingListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.adaptation.TrainingCost;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingMetrics;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that survive their worker and their server: checkpoints, restarts, resumes, clean-up. */
class DurableFineTuneTest {
  private static final GptConfig SCRATCH = GptConfig.of(320, 32, 32, 2, 2);
  @TempDir
  Path root;
  private DjlEngine engine;

  @AfterEach
  void tearDown() {
    if (engine != null) {
      engine.close();
    }
  }

  private DjlEngine open(int checkpointEvery, int keep) {
    return new DjlEngine(root, new DjlEngineConfig(null, SCRATCH, 256, 1, 0, List.of())
        .withCheckpoints(checkpointEvery, keep));
  }

  private static FineTuneRequest withValidation(String name, int steps) {
    return new FineTuneRequest(name, ModelStore.SCRATCH, AdaptationMethod.FULL, null,
        new TrainingSettings(1, steps, 4, 16, 3e-3, 5), texts(TinyModels.corpus(50, 1)),
        texts(TinyModels.corpus(10, 9)));
  }

  private static List<TrainingExample> texts(List<String> texts) {
    return texts.stream().<TrainingExample>map(TrainingExample.Text::new).toList();
  }

  @Test
  void savesCheckpointsKeepsTheLastKAndAKilledWorkerResumesFromTheLastToTheResultOfAnUnbrokenRun() throws Exception {
    engine = open(10, 2);
    FineTuneRequest request = withValidation("unbroken", 60);
    RecordingListener unbroken = FineTuneRuns.run(engine.fineTuner(), request);

    assertThat(unbroken.ends()).as("heard %s", unbroken.heard).extracting(RecordingListener.Heard::kind)
        .containsExactly("succeeded");
    assertThat(unbroken.of("checkpoint")).extracting(RecordingListener.Heard::detail)
        .containsExactly("10", "20", "30", "40", "50");
    assertThat(unbroken.checkpoints).extracting(FineTuneCheckpoint::id).containsExactly("step-40", "step-50");
    assertThat(unbroken.checkpoints).allSatisfy(c -> {
      assertThat(c.trainLoss()).isPositive();
      assertThat(c.validationLoss()).isNotNull().isPositive();
      assertThat(c.createdAt()).isBefore(Instant.now());
    });
    List<String> steps = unbroken.of("step").stream().map(RecordingListener.Heard::detail).toList();
    assertThat(steps).hasSize(60);
    for (int step = 1; step <= 60; step++) {
      boolean measured = step % 10 == 0;
      assertThat(steps.get(step - 1).endsWith("validation null")).as("step %d: %s", step, steps.get(step - 1))
          .isEqualTo(!measured);
    }

    String job = FineTuneRuns.jobId();
    RecordingListener broken = new RecordingListener();
    AtomicBoolean killed = new AtomicBoolean();
    FineTuneRequest same = new FineTuneRequest("broken", request.baseModel(), request.method(), null,
        request.training(), request.examples(), request.validation());
    engine.fineTuner().start(job, same, new ForwardingListener(broken) {
      @Override
      public void checkpoint(FineTuneCheckpoint saved, List<FineTuneCheckpoint> kept) {
        super.checkpoint(saved, kept);
        if (killed.compareAndSet(false, true)) {
          engine.fineTuner().worker(job).orElseThrow().destroyForcibly();
        }
      }
    });

    assertThat(broken.awaitEnd(PATIENCE).kind()).as("heard %s", broken.heard).isEqualTo("succeeded");
    assertThat(broken.of("warning")).singleElement().extracting(RecordingListener.Heard::detail).asString()
        .matches("the training worker stopped \\(exit 137\\) at step \\d+; resuming from checkpoint step-[1-5]0"
            + " \\(restart 1 of 2\\)")
        .doesNotContain(root.toString());
    assertThat(broken.of("running")).as("a restarted worker reports its start again").hasSize(2);
    // One training thread in both runs: the same operations in the same order, so equal to the bit.
    assertThat(broken.metrics.lossCurve()).hasSameSizeAs(unbroken.metrics.lossCurve());
    for (int i = 0; i < unbroken.metrics.lossCurve().size(); i++) {
      assertThat(broken.metrics.lossCurve().get(i)).as("loss point %d", i)
          .isCloseTo(unbroken.metrics.lossCurve().get(i), org.assertj.core.data.Offset.offset(0.0));
    }
    assertThat(broken.metrics.trainedTokens()).isEqualTo(unbroken.metrics.trainedTokens());
    Map<String, Tensor> expected = SafeTensors.read(root.resolve("models/unbroken/model.safetensors")).tensors();
    Map<String, Tensor> actual = SafeTensors.read(root.resolve("models/broken/model.safetensors")).tensors();
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((name, tensor) -> assertThat(TinyModels.maxAbsDifference(tensor.values(),
        actual.get(name).values())).as(name).isEqualTo(0f));
  }

  @Test
  void aWorkerThatKeepsDyingFailsTheJobOnceItsRestartsAreUsedUp() throws Exception {
    engine = new DjlEngine(root, new DjlEngineConfig(null, SCRATCH, 256, 1, 0, List.of()).withMaxWorkerRestarts(1));
    String job = FineTuneRuns.jobId();
    RecordingListener listener = new RecordingListener();
    engine.fineTuner().start(job, pretrain("doomed", new TrainingSettings(1, 100_000, 4, 16, 1e-3, 1),
        TinyModels.corpus(50, 1)), new ForwardingListener(listener) {
          @Override
          public void step(int step, int totalSteps, double loss, Double validationLoss, double tokensPerSecond) {
            super.step(step, totalSteps, loss, validationLoss, tokensPerSecond);
            engine.fineTuner().worker(job).ifPresent(ProcessHandle::destroyForcibly);
          }
        });

    assertThat(listener.awaitEnd(PATIENCE).kind()).as("heard %s", listener.heard).isEqualTo("failed");
    assertThat(listener.of("warning")).singleElement().extracting(RecordingListener.Heard::detail).asString()
        .contains("restarting from the beginning (restart 1 of 1)");
    assertThat(listener.reason).contains("killed by signal 9 (SIGKILL)").endsWith("(after 1 restart)")
        .doesNotContain(root.toString()).doesNotContainPattern("(^|[\\s'\"(])/[\\w.-]+/");
    assertThat(engine.store().find("doomed")).isEmpty();
    assertThat(FineTuneRuns.awaitGone(root.resolve("jobs").resolve(job))).isTrue();
  }

  @Test
  void aJobStoppedWithItsServerResumesInTheNextFromItsLastCheckpointAndSucceeds() throws Exception {
    engine = open(10, 2);
    String job = FineTuneRuns.jobId();
    RecordingListener first = new RecordingListener();
    CountDownLatch checkpointed = new CountDownLatch(1);
    engine.fineTuner().start(job, pretrain("survivor", new TrainingSettings(1, 200, 4, 16, 1e-3, 1),
        TinyModels.corpus(50, 1)), new ForwardingListener(first) {
          @Override
          public void checkpoint(FineTuneCheckpoint saved, List<FineTuneCheckpoint> kept) {
            super.checkpoint(saved, kept);
            checkpointed.countDown();
          }
        });
    assertThat(checkpointed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("heard %s", first.heard).isTrue();

    engine.close();
    assertThat(first.ends()).as("a server that stops ends no run").isEmpty();
    engine = open(10, 2);
    RecordingListener second = new RecordingListener();

    assertThat(engine.fineTuner().resume(job, second)).isTrue();
    assertThat(second.awaitEnd(PATIENCE).kind()).as("heard %s", second.heard).isEqualTo("succeeded");
    assertThat(second.heard.get(0).kind()).isEqualTo("warning");
    assertThat(second.heard.get(0).detail()).matches("resumed from checkpoint step-\\d+ after a restart");
    int resumedAt = Integer.parseInt(second.heard.get(0).detail().replaceAll("\\D+", ""));
    assertThat(resumedAt).isPositive();
    assertThat(second.of("running")).hasSize(1);
    assertThat(FineTuneRuns.steps(second).get(0)).as("steps continue after the checkpoint").isEqualTo(resumedAt + 1);
    assertThat(engine.store().find("survivor")).isPresent();
    assertThat(FineTuneRuns.awaitGone(root.resolve("jobs").resolve(job))).isTrue();
    assertThat(engine.fineTuner().resume(job, new RecordingListener())).as("nothing left to resume").isFalse();
  }

  @Test
  void aJobWhoseArtifactWasInstalledBeforeTheCrashResumesAsSucceededWithItsCost() throws Exception {
    engine = open(0, 2);
    try (var manager = TinyModels.manager(); var model = TinyModels.model(manager, 1)) {
      StoreFixtures.installModel(engine.store(), "finished", model, TinyModels.tokenizer(),
          ArtifactInfo.Origin.PRETRAINED, ModelStore.SCRATCH);
    }
    Path info = root.resolve("models/finished/augment.json");
    ArtifactInfo installed = Json.read(info, ArtifactInfo.class);
    TrainingCost cost = new TrainingCost(1000, 1000, 2.0, 4096, 2048, 1 << 20);
    Json.write(info, new ArtifactInfo(installed.name(), installed.baseModel(), installed.method(), installed.origin(),
        installed.createdAt(), cost));
    String job = FineTuneRuns.jobId();
    JobFolder.of(engine.store(), job).writeRequest(pretrain("finished", new TrainingSettings(1, 5, 4, 16, 1e-3, 1),
        TinyModels.corpus(10, 1)));
    engine.close();
    engine = open(0, 2);
    RecordingListener listener = new RecordingListener();

    assertThat(engine.fineTuner().resume(job, listener)).isTrue();

    assertThat(listener.heard).extracting(RecordingListener.Heard::kind).containsExactly("succeeded");
    TrainingMetrics metrics = listener.metrics;
    assertThat(metrics.totalParameters()).isEqualTo(1000);
    assertThat(metrics.trainedTokens()).isEqualTo(4096);
    assertThat(metrics.tokensPerSecond()).isEqualTo(2048);
    assertThat(metrics.artifactBytes()).isEqualTo(engine.catalog().find("finished").orElseThrow().bytes());
    assertThat(root.resolve("jobs").resolve(job)).doesNotExist();
  }

  @Test
  void retainOnlyRemovesTheFoldersOfJobsNoLongerLiveButNotOneALiveWorkerHolds() throws Exception {
    engine = open(0, 2);
    FineTuneRequest request = pretrain("kept", new TrainingSettings(1, 5, 4, 16, 1e-3, 1), TinyModels.corpus(10, 1));
    JobFolder.of(engine.store(), "live").writeRequest(request);
    JobFolder.of(engine.store(), "gone").writeRequest(pretrain("other", request.training(), request.texts()));
    JobFolder.of(engine.store(), "held").writeRequest(pretrain("busy", request.training(), request.texts()));
    Files.createDirectories(engine.store().locks());
    ProcessHandle me = ProcessHandle.current();
    Files.writeString(engine.store().lock("busy"), Json.line(new TrainingLock.Holder(me.pid(),
        me.info().startInstant().orElseThrow().toString())));
    engine.close();
    engine = open(0, 2);
    assertThat(root.resolve("jobs/gone")).as("opening an engine keeps job folders").exists();

    engine.fineTuner().retainOnly(Set.of("live"));

    assertThat(root.resolve("jobs/live")).exists();
    assertThat(root.resolve("jobs/held")).exists();
    assertThat(root.resolve("jobs/gone")).doesNotExist();
  }

  @Test
  void refusesAJobIdThatCouldLeaveTheJobsFolder() {
    engine = open(0, 2);
    FineTuneRequest request = pretrain("hostile", new TrainingSettings(1, 5, 4, 16, 1e-3, 1),
        TinyModels.corpus(10, 1));
    for (String id : List.of("../escape", "a/b", "", "..", "x".repeat(101), "job id")) {
      InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
          () -> engine.fineTuner().start(id, request, new RecordingListener()));
      assertThat(refused).as("id '%s'", id).isNotNull();
      assertThat(refused.field()).isEqualTo("jobId");
      assertThat(engine.fineTuner().resume(id, new RecordingListener())).isFalse();
    }
    assertThat(root.resolve("escape")).doesNotExist();
    assertThat(root.resolve("jobs")).doesNotExist();
  }
}
