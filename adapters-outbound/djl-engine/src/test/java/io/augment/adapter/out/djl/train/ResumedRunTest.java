package io.augment.adapter.out.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.format.GptCheckpoint;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.format.PeftAdapterIo;
import io.augment.adapter.out.djl.format.SafeTensors;
import io.augment.adapter.out.djl.format.Tensor;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LoRA run resumed from a checkpoint, in this process, ends exactly where the unbroken run ends. */
class ResumedRunTest {
  @TempDir
  Path dir;

  private WorkerSpec spec(Path base, String run, String resumeFrom) {
    return new WorkerSpec(WorkerSpec.Kind.LORA, "base", base.toString(), null,
        new LoraSettings(4, 8, 0.05, Set.of("q_proj", "v_proj")), new TrainingSettings(1, 20, 4, 16, 1e-2, 3),
        dir.resolve("corpus.json").toString(), null, dir.resolve(run).resolve("out").toString(), 0, run,
        dir.resolve(run + ".lock").toString(), dir.resolve(run).resolve("checkpoints").toString(), 5, 10,
        resumeFrom);
  }

  /** Steps and losses heard, as "step:loss". */
  private static TrainingRun.Listener recording(List<String> steps) {
    return new TrainingRun.Listener() {
      @Override
      public void onStart(long totalParameters, long trainableParameters, int totalSteps) {}

      @Override
      public void onCheckpoint(String id, int step) {}

      @Override
      public void onStep(int step, int totalSteps, double loss, double tokensPerSecond) {
        steps.add(step + ":" + loss);
      }
    };
  }

  @Test
  void aLoraRunResumedFromItsCheckpointWithDropoutSeesTheSameStepsAndEndsWithTheSameAdapter() {
    Path base = dir.resolve("base");
    try (var manager = TinyModels.manager(); var model = TinyModels.model(manager, 1)) {
      GptCheckpoint.write(base, model, TinyModels.tokenizer());
    }
    Json.write(dir.resolve("corpus.json"), TinyModels.narrowCorpus(40, 2));
    List<String> unbrokenSteps = new ArrayList<>();
    WorkerResult unbroken = TrainingRun.execute(spec(base, "unbroken", null), recording(unbrokenSteps));
    String checkpoint = dir.resolve("unbroken/checkpoints/step-10").toString();
    List<String> resumedSteps = new ArrayList<>();

    WorkerResult resumed = TrainingRun.execute(spec(base, "resumed", checkpoint), recording(resumedSteps));

    assertThat(resumedSteps).as("the resumed run starts after the checkpoint and sees the same batches")
        .isEqualTo(unbrokenSteps.subList(10, 20));
    assertThat(resumed.lossCurve()).isEqualTo(unbroken.lossCurve());
    assertThat(resumed.steps()).isEqualTo(20);
    assertThat(resumed.tokens()).isEqualTo(unbroken.tokens());
    Map<String, Tensor> expected = SafeTensors.read(dir.resolve("unbroken/out").resolve(PeftAdapterIo.WEIGHTS))
        .tensors();
    Map<String, Tensor> actual = SafeTensors.read(dir.resolve("resumed/out").resolve(PeftAdapterIo.WEIGHTS)).tensors();
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((name, tensor) -> assertThat(actual.get(name).values()).as(name).containsExactly(tensor.values()));
  }
}
