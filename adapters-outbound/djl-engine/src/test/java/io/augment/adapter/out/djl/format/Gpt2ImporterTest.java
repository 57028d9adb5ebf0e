package io.augment.adapter.out.djl.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.adapter.out.djl.HuggingFaceFolders;
import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.model.GptConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Gpt2ImporterTest {
  @TempDir
  Path dir;

  @Test
  void importsAHuggingFaceFolderDroppingBuffersAndTheTiedHead() {
    Path source = dir.resolve("gpt2");
    GptConfig config = HuggingFaceFolders.gpt2Config();
    Map<String, Tensor> original = HuggingFaceFolders.writeGpt2(source, config, TinyModels.tokenizer(), 3);

    GptConfig imported = Gpt2Importer.importInto(source, dir.resolve("imported"));

    assertThat(imported).isEqualTo(config);
    Map<String, Tensor> tensors = SafeTensors.read(dir.resolve("imported/model.safetensors")).tensors();
    assertThat(tensors.keySet()).isEqualTo(original.keySet());
    assertThat(tensors.get("h.1.mlp.c_fc.weight").values()).containsExactly(original.get("h.1.mlp.c_fc.weight").values());
    assertThat(Json.read(dir.resolve("imported/config.json")).get("activation_function").asText()).isEqualTo("gelu_new");
    assertThat(dir.resolve("imported/tokenizer.json")).exists();
  }

  @Test
  void rejectsAnUntiedLanguageModelHead() {
    Path source = dir.resolve("gpt2");
    HuggingFaceFolders.writeGpt2(source, HuggingFaceFolders.gpt2Config(), TinyModels.tokenizer(), 3);
    SafeTensors.Contents contents = SafeTensors.read(source.resolve("model.safetensors"));
    Map<String, Tensor> tensors = new LinkedHashMap<>(contents.tensors());
    float[] head = tensors.get("lm_head.weight").values();
    head[0] += 1;
    tensors.put("lm_head.weight", Tensor.of(tensors.get("lm_head.weight").shape(), head));
    SafeTensors.write(source.resolve("model.safetensors"), tensors, contents.metadata());

    assertThatThrownBy(() -> Gpt2Importer.importInto(source, dir.resolve("out")))
        .hasMessageContaining("tied");
  }

  @Test
  void rejectsOtherArchitecturesAndIncompleteFolders() throws Exception {
    Path source = dir.resolve("gpt2");
    HuggingFaceFolders.writeGpt2(source, HuggingFaceFolders.gpt2Config(), TinyModels.tokenizer(), 3);
    String config = Files.readString(source.resolve("config.json")).replace("\"gpt2\"", "\"llama\"");
    Files.writeString(source.resolve("config.json"), config);
    assertThatThrownBy(() -> Gpt2Importer.importInto(source, dir.resolve("out"))).hasMessageContaining("llama");

    Files.delete(source.resolve("tokenizer.json"));
    assertThatThrownBy(() -> Gpt2Importer.importInto(source, dir.resolve("out2")))
        .hasMessageContaining("tokenizer.json");
  }
}
