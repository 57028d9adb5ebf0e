package io.augment.adapter.out.djl;

import static io.augment.adapter.out.djl.FineTuneRuns.pretrain;
import static io.augment.adapter.out.djl.FineTuneRuns.request;
import static io.augment.adapter.out.djl.FineTuneRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.adapter.out.djl.format.PeftAdapterIo;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.adaptation.TrainingCost;
import io.augment.domain.adaptation.TrainingMetrics;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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

  private static TrainingMetrics succeeded(RecordingListener listener) {
    assertThat(listener.ends()).as("heard %s", listener.heard).extracting(RecordingListener.Heard::kind)
        .containsExactly("succeeded");
    return listener.metrics;
  }

  @Test
  void pretrainsFromScratchThenTrainsAdaptersWithoutTouchingTheBaseAndKeepsWhatTrainingCostAcrossARestart()
      throws Exception {
    RecordingListener pretrained = run(engine.fineTuner(), pretrain("base", steps(150, 1e-2), TinyModels.corpus(200, 4)));

    TrainingMetrics metrics = succeeded(pretrained);
    assertThat(FineTuneRuns.steps(pretrained)).as("every step is reported").hasSize(150).endsWith(150);
    assertThat(pretrained.of("running")).extracting(RecordingListener.Heard::detail)
        .singleElement().asString().endsWith("/150");
    assertThat(metrics.trainableParameters()).isEqualTo(metrics.totalParameters());
    assertThat(metrics.lossCurve().get(metrics.lossCurve().size() - 1)).as(metrics.lossCurve().toString())
        .isLessThan(0.5 * metrics.lossCurve().get(0));
    assertThat(metrics.tokensPerSecond()).isPositive();
    assertThat(metrics.trainedTokens()).isEqualTo(150L * 8 * 32);
    assertThat(metrics.peakHeapBytes()).isPositive();
    assertThat(metrics.peakNativeBytes()).isPositive();
    assertThat(metrics.artifactBytes()).isEqualTo(engine.catalog().find("base").orElseThrow().bytes());
    Path baseWeights = root.resolve("models/base/model.safetensors");
    String baseHash = sha256(baseWeights);

    TrainingMetrics lora = succeeded(run(engine.fineTuner(), request("narrow", "base", AdaptationMethod.LORA,
        new LoraSettings(4, 8, 0.05, Set.of("q_proj", "v_proj")), steps(40, 1e-2), TinyModels.narrowCorpus(100, 5))));
    assertThat(lora.trainableParameters()).isEqualTo(2 * (2 * 4 * 32 + 2 * 32 * 4));
    assertThat(lora.trainablePercent()).isLessThan(10);
    assertThat(lora.artifactBytes()).isLessThan(metrics.artifactBytes() / 10);
    assertThat(root.resolve("adapters/narrow").resolve(PeftAdapterIo.CONFIG)).exists();
    assertThat(root.resolve("adapters/narrow").resolve(PeftAdapterIo.WEIGHTS)).exists();
    assertThat(sha256(baseWeights)).as("base checkpoint unchanged").isEqualTo(baseHash);

    succeeded(run(engine.fineTuner(), request("base-tuned", "base", AdaptationMethod.FULL, null, steps(10, 1e-3),
        TinyModels.narrowCorpus(50, 6))));

    assertThat(engine.catalog().adapters()).extracting(Adapter::name, Adapter::baseModel, Adapter::method)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("base", "scratch", AdaptationMethod.FULL),
            org.assertj.core.groups.Tuple.tuple("base-tuned", "base", AdaptationMethod.FULL),
            org.assertj.core.groups.Tuple.tuple("narrow", "base", AdaptationMethod.LORA));
    try (var folders = Files.list(engine.store().jobs())) {
      for (Path folder : folders.toList()) {
        assertThat(FineTuneRuns.awaitGone(folder)).as("ended jobs leave no folder").isTrue();
      }
    }
    String text = engine.generator().generate(Prompt.plain("", "the", 1),
        new GenerationOptions(8, 0, 1, List.of(), "narrow")).text();
    assertThat(text).isNotEmpty();
    engine.close();

    engine = new DjlEngine(root, new DjlEngineConfig(null, SCRATCH, 512, 0, 0, List.of()));

    for (var job : List.of(java.util.Map.entry("base", metrics), java.util.Map.entry("narrow", lora))) {
      TrainingMetrics measured = job.getValue();
      TrainingCost cost = engine.catalog().find(job.getKey()).orElseThrow().training();
      assertThat(cost).as(job.getKey()).isNotNull();
      assertThat(cost.totalParameters()).isEqualTo(measured.totalParameters());
      assertThat(cost.trainableParameters()).isEqualTo(measured.trainableParameters());
      assertThat(cost.tokens()).as("steps x batch x sequence").isEqualTo(measured.trainedTokens());
      assertThat(cost.seconds()).isPositive();
      assertThat(cost.tokensPerSecond()).isEqualTo(measured.tokensPerSecond())
          .isCloseTo(cost.tokens() / cost.seconds(), org.assertj.core.data.Percentage.withPercentage(1));
      assertThat(cost.peakMemoryBytes()).isEqualTo(measured.peakHeapBytes() + measured.peakNativeBytes());
    }
    assertThat(engine.catalog().adapters()).extracting(Adapter::training).doesNotContainNull();
    assertThat(engine.catalog().find("narrow").orElseThrow().training().trainableParameters())
        .isLessThan(engine.catalog().find("base").orElseThrow().training().trainableParameters());
  }

  @Test
  void rejectsRequestsItCannotRunAndStartsNothing() {
    TrainingSettings training = steps(5, 1e-3);
    LoraSettings lora = new LoraSettings(4, 8, 0, Set.of("q_proj"));
    List<String> texts = List.of("some text");
    DjlFineTuner tuner = engine.fineTuner();

    assertThatThrownBy(() -> tuner.validate(request("x", "missing", AdaptationMethod.FULL, null, training, texts)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> tuner.validate(request("x", ModelStore.SCRATCH, AdaptationMethod.LORA, lora, training,
        texts))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> tuner.validate(pretrain("bad name!", training, texts)))
        .isInstanceOf(InvalidInputException.class);
    installTinyBase("base");
    assertThatThrownBy(() -> tuner.validate(request("x", "base", AdaptationMethod.LORA,
        new LoraSettings(4, 8, 0, Set.of("gate_proj")), training, texts)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("gate_proj");
    FineTuneRequest taken = pretrain("base", training, texts);
    assertThatThrownBy(() -> FineTuneRuns.start(tuner, taken)).isInstanceOf(AlreadyExistsException.class);
    assertThat(engine.store().jobs()).as("nothing written for a refused job").doesNotExist();
  }

  @Test
  void aWorkerThatFailsEndsTheJobFailedWithItsMessageAndIsNotRestarted() throws Exception {
    installTinyBase("base");
    Files.writeString(root.resolve("models/base/model.safetensors"), "corrupt");

    RecordingListener failed = run(engine.fineTuner(), request("x", "base", AdaptationMethod.FULL, null,
        steps(5, 1e-3), List.of("some text")));

    assertThat(failed.ends()).extracting(RecordingListener.Heard::kind).containsExactly("failed");
    assertThat(failed.reason).contains("safetensors").doesNotContain(root.toString());
    assertThat(failed.of("warning")).as("a worker that reports an error is not restarted").isEmpty();
    assertThat(engine.store().find("x")).isEmpty();
  }

  private void installTinyBase(String name) {
    try (var manager = TinyModels.manager(); var model = TinyModels.model(manager, 1)) {
      StoreFixtures.installModel(engine.store(), name, model, TinyModels.tokenizer(), ArtifactInfo.Origin.PRETRAINED,
          ModelStore.SCRATCH);
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
