package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.adapter.out.djl.format.PeftAdapterIo;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingCost;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.job.JobStatus;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real training jobs in worker processes on tiny models. */
class DjlFineTunerTest {
  private static final GptConfig SCRATCH = GptConfig.of(320, 32, 32, 2, 2);
  @TempDir
  Path root;
  private DjlEngine engine;

  @BeforeEach
  void setUp() {
    engine = new DjlEngine(root, new DjlEngineConfig(null, SCRATCH, 512, 0, 0, List.of()));
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  private static TrainingSettings steps(int steps, double learningRate) {
    return new TrainingSettings(1, steps, 8, 32, learningRate, 1);
  }

  @Test
  void pretrainsFromScratchThenTrainsAdaptersWithoutTouchingTheBase() throws Exception {
    AdaptationJob started = engine.fineTuner().start(new FineTuneRequest("base", ModelStore.SCRATCH,
        AdaptationMethod.FULL, null, steps(150, 1e-2), TinyModels.corpus(200, 4)));
    assertThat(started.status()).isIn(JobStatus.QUEUED, JobStatus.RUNNING);

    AdaptationJob pretrained = await(started.id());
    assertThat(pretrained.status()).as(pretrained.error()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(pretrained.progress().done()).isEqualTo(150);
    assertThat(pretrained.progress().percent()).isEqualTo(100.0);
    var metrics = pretrained.metrics();
    assertThat(metrics.trainableParameters()).isEqualTo(metrics.totalParameters());
    assertThat(metrics.lossCurve().get(metrics.lossCurve().size() - 1)).as(metrics.lossCurve().toString())
        .isLessThan(0.5 * metrics.lossCurve().get(0));
    assertThat(metrics.tokensPerSecond()).isPositive();
    assertThat(metrics.peakHeapBytes()).isPositive();
    assertThat(metrics.peakNativeBytes()).isPositive();
    assertThat(metrics.artifactBytes()).isEqualTo(engine.catalog().find("base").orElseThrow().bytes());
    Path baseWeights = root.resolve("models/base/model.safetensors");
    String baseHash = sha256(baseWeights);

    AdaptationJob lora = await(engine.fineTuner().start(new FineTuneRequest("narrow", "base", AdaptationMethod.LORA,
        new LoraSettings(4, 8, 0.05, Set.of("q_proj", "v_proj")), steps(40, 1e-2), TinyModels.narrowCorpus(100, 5)))
        .id());
    assertThat(lora.status()).as(lora.error()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(lora.metrics().trainableParameters()).isEqualTo(2 * (2 * 4 * 32 + 2 * 32 * 4));
    assertThat(lora.metrics().trainablePercent()).isLessThan(10);
    assertThat(lora.metrics().artifactBytes()).isLessThan(metrics.artifactBytes() / 10);
    assertThat(root.resolve("adapters/narrow").resolve(PeftAdapterIo.CONFIG)).exists();
    assertThat(root.resolve("adapters/narrow").resolve(PeftAdapterIo.WEIGHTS)).exists();
    assertThat(sha256(baseWeights)).as("base checkpoint unchanged").isEqualTo(baseHash);

    AdaptationJob full = await(engine.fineTuner().start(new FineTuneRequest("base-tuned", "base",
        AdaptationMethod.FULL, null, steps(10, 1e-3), TinyModels.narrowCorpus(50, 6))).id());
    assertThat(full.status()).as(full.error()).isEqualTo(JobStatus.SUCCEEDED);

    assertThat(engine.catalog().adapters()).extracting(Adapter::name, Adapter::baseModel, Adapter::method)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("base", "scratch", AdaptationMethod.FULL),
            org.assertj.core.groups.Tuple.tuple("base-tuned", "base", AdaptationMethod.FULL),
            org.assertj.core.groups.Tuple.tuple("narrow", "base", AdaptationMethod.LORA));
    assertThat(engine.fineTuner().jobs()).extracting(AdaptationJob::id)
        .containsExactly(started.id(), lora.id(), full.id());
    String text = engine.generator().generate(Prompt.plain("", "the", 1),
        new GenerationOptions(8, 0, 1, List.of(), "narrow")).text();
    assertThat(text).isNotEmpty();
  }

  @Test
  void aTrainedModelAndItsAdapterKeepWhatTrainingCostThemAcrossARestart() throws Exception {
    AdaptationJob base = await(engine.fineTuner().start(new FineTuneRequest("base", ModelStore.SCRATCH,
        AdaptationMethod.FULL, null, steps(20, 1e-2), TinyModels.corpus(100, 4))).id());
    AdaptationJob lora = await(engine.fineTuner().start(new FineTuneRequest("narrow", "base", AdaptationMethod.LORA,
        new LoraSettings(4, 8, 0, Set.of("c_attn")), steps(10, 1e-2), TinyModels.narrowCorpus(50, 5))).id());
    assertThat(base.status()).as(base.error()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(lora.status()).as(lora.error()).isEqualTo(JobStatus.SUCCEEDED);
    engine.close();

    engine = new DjlEngine(root, new DjlEngineConfig(null, SCRATCH, 512, 0, 0, List.of()));

    for (AdaptationJob job : List.of(base, lora)) {
      var metrics = job.metrics();
      TrainingCost cost = engine.catalog().find(job.request().name()).orElseThrow().training();
      assertThat(cost).as(job.request().name()).isNotNull();
      assertThat(cost.totalParameters()).isEqualTo(metrics.totalParameters());
      assertThat(cost.trainableParameters()).isEqualTo(metrics.trainableParameters());
      assertThat(cost.tokens()).as("steps x batch x sequence").isEqualTo(job.progress().done() * 8L * 32);
      assertThat(cost.seconds()).isPositive();
      assertThat(cost.tokensPerSecond()).isEqualTo(metrics.tokensPerSecond())
          .isCloseTo(cost.tokens() / cost.seconds(), org.assertj.core.data.Percentage.withPercentage(1));
      assertThat(cost.peakMemoryBytes()).isEqualTo(metrics.peakHeapBytes() + metrics.peakNativeBytes());
    }
    assertThat(engine.catalog().adapters()).extracting(Adapter::training).doesNotContainNull();
    assertThat(engine.catalog().find("narrow").orElseThrow().training().trainableParameters())
        .isLessThan(engine.catalog().find("base").orElseThrow().training().trainableParameters());
  }

  @Test
  void rejectsRequestsItCannotRun() {
    TrainingSettings training = steps(5, 1e-3);
    LoraSettings lora = new LoraSettings(4, 8, 0, Set.of("q_proj"));
    List<String> texts = List.of("some text");

    assertThatThrownBy(() -> engine.fineTuner().start(new FineTuneRequest("x", "missing", AdaptationMethod.FULL,
        null, training, texts))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.fineTuner().start(new FineTuneRequest("x", ModelStore.SCRATCH,
        AdaptationMethod.LORA, lora, training, texts))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> engine.fineTuner().start(new FineTuneRequest("bad name!", ModelStore.SCRATCH,
        AdaptationMethod.FULL, null, training, texts))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> engine.fineTuner().start(new FineTuneRequest("x", ModelStore.SCRATCH,
        AdaptationMethod.FULL, null, training, List.of(" ")))).isInstanceOf(InvalidInputException.class);
    installTinyBase("base");
    assertThatThrownBy(() -> engine.fineTuner().start(new FineTuneRequest("x", "base", AdaptationMethod.LORA,
        new LoraSettings(4, 8, 0, Set.of("gate_proj")), training, texts)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("gate_proj");
    assertThatThrownBy(() -> engine.fineTuner().start(new FineTuneRequest("base", ModelStore.SCRATCH,
        AdaptationMethod.FULL, null, training, texts))).isInstanceOf(AlreadyExistsException.class);
    assertThat(engine.fineTuner().jobs()).isEmpty();
  }

  @Test
  void cancelledJobsStopAndLeaveNoArtifact() throws Exception {
    AdaptationJob running = engine.fineTuner().start(new FineTuneRequest("long", ModelStore.SCRATCH,
        AdaptationMethod.FULL, null, steps(100_000, 1e-3), TinyModels.corpus(50, 1)));
    AdaptationJob queued = engine.fineTuner().start(new FineTuneRequest("later", ModelStore.SCRATCH,
        AdaptationMethod.FULL, null, steps(10, 1e-3), TinyModels.corpus(50, 1)));

    engine.fineTuner().cancel(queued.id());
    assertThat(engine.fineTuner().job(queued.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (engine.fineTuner().job(running.id()).orElseThrow().progress().done() == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    AdaptationJob progressing = engine.fineTuner().job(running.id()).orElseThrow();
    assertThat(progressing.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(progressing.progress().total()).isEqualTo(100_000);
    assertThat(progressing.progress().ratePerSecond()).as("tokens/s").isPositive();
    assertThat(progressing.progress().eta()).isNotNull();
    engine.fineTuner().cancel(running.id());

    assertThat(await(running.id()).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(engine.store().find("long")).isEmpty();
    assertThat(engine.store().find("later")).isEmpty();
  }

  @Test
  void aWorkerThatFailsMarksTheJobFailedWithItsMessage() throws Exception {
    installTinyBase("base");
    Files.writeString(root.resolve("models/base/model.safetensors"), "corrupt");

    AdaptationJob failed = await(engine.fineTuner().start(new FineTuneRequest("x", "base", AdaptationMethod.FULL,
        null, steps(5, 1e-3), List.of("some text"))).id());

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error()).contains("safetensors").doesNotContain(root.toString());
    assertThat(engine.store().find("x")).isEmpty();
  }

  private void installTinyBase(String name) {
    try (var manager = TinyModels.manager(); var model = TinyModels.model(manager, 1)) {
      StoreFixtures.installModel(engine.store(), name, model, TinyModels.tokenizer(), ArtifactInfo.Origin.PRETRAINED,
          ModelStore.SCRATCH);
    }
  }

  private AdaptationJob await(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    AdaptationJob job = engine.fineTuner().job(id).orElseThrow();
    while (!job.status().finished() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      job = engine.fineTuner().job(id).orElseThrow();
    }
    return job;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
