package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportedGpt2Test {
  @TempDir
  Path root;
  @TempDir
  Path downloads;

  @Test
  void anImportedGpt2ServesGenerationAndTakesALoraAdapter() throws Exception {
    Path folder = downloads.resolve("gpt2-tiny");
    HuggingFaceFolders.writeGpt2(folder, HuggingFaceFolders.gpt2Config(), TinyModels.tokenizer(), 8);
    try (DjlEngine engine = new DjlEngine(root, DjlEngineConfig.defaults().withDefaultModel("gpt2"))) {
      ArtifactInfo info = engine.importGpt2(folder, "gpt2");

      assertThat(info.origin()).isEqualTo(ArtifactInfo.Origin.IMPORTED);
      assertThat(info.baseModel()).isEqualTo("gpt2-tiny");
      assertThat(engine.catalog().adapters()).as("imported bases are not trained artifacts").isEmpty();
      assertThat(engine.generator().generate(Prompt.plain("", "the cat", 2),
          new GenerationOptions(5, 0, 1, List.of(), null)).usage().completionTokens()).isPositive();
      assertThatThrownBy(() -> engine.importGpt2(folder, "gpt2")).isInstanceOf(AlreadyExistsException.class);
      Files.delete(folder.resolve("config.json"));
      assertThatThrownBy(() -> engine.importGpt2(folder, "other")).isInstanceOf(InvalidInputException.class);

      RecordingListener job = FineTuneRuns.run(engine.fineTuner(), FineTuneRequest.ofTexts("gpt2-owls", "gpt2",
          AdaptationMethod.LORA, new LoraSettings(2, 4, 0, Set.of("c_attn", "mlp")),
          new TrainingSettings(1, 5, 4, 16, 1e-3, 1), TinyModels.narrowCorpus(20, 1)));
      assertThat(job.ends()).as("heard %s", job.heard).extracting(RecordingListener.Heard::kind)
          .containsExactly("succeeded");
      assertThat(job.metrics.lossCurve()).allSatisfy(loss -> assertThat(loss).isFinite());
      assertThat(engine.catalog().find("gpt2-owls")).hasValueSatisfying(a -> assertThat(a.baseModel())
          .isEqualTo("gpt2"));
      assertThat(engine.generator().generate(Prompt.plain("", "the owl", 2),
          new GenerationOptions(5, 0, 1, List.of(), "gpt2-owls")).usage().completionTokens()).isPositive();
    }
  }
}
