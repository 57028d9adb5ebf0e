package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.format.SafeTensors;
import io.augment.adapter.out.djl.format.Tensor;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models from outside: a HuggingFace GPT-2 folder imported into the catalog, and artifacts exported as zip archives. */
class ModelExchangeTest {
  @TempDir
  Path root;
  @TempDir
  Path downloads;
  private DjlEngine engine;

  @BeforeEach
  void open() {
    engine = new DjlEngine(root, DjlEngineConfig.defaults());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private Path gpt2Folder(String name) {
    Path folder = downloads.resolve(name);
    HuggingFaceFolders.writeGpt2(folder, HuggingFaceFolders.gpt2Config(), TinyModels.tokenizer(), 8);
    return folder;
  }

  @Test
  void anImportedGpt2IsListedWithoutACostAndServesGenerationByName() {
    Adapter imported = engine.catalog().importModel("mine", gpt2Folder("gpt2-tiny"));

    assertThat(imported.name()).isEqualTo("mine");
    assertThat(imported.method()).isEqualTo(AdaptationMethod.FULL);
    assertThat(imported.baseModel()).as("where it came from, a folder name, not a path").isEqualTo("gpt2-tiny");
    assertThat(imported.training()).isNull();
    assertThat(imported.bytes()).isPositive();
    assertThat(engine.catalog().adapters()).containsExactly(imported);
    assertThat(engine.generator().generate(Prompt.plain("", "the cat", 2),
        new GenerationOptions(4, 0, 1, List.of(), "mine")).usage().completionTokens()).isPositive();
    engine.fineTuner().validate(FineTuneRequest.ofTexts("mine-lora", "mine", AdaptationMethod.LORA,
        new LoraSettings(2, 4, 0, Set.of("c_attn")), new TrainingSettings(1, 2, 2, 8, 1e-3, 1),
        TinyModels.narrowCorpus(4, 1))); // an imported model is a base LoRA can train on
    assertThatThrownBy(() -> engine.catalog().importModel("mine", gpt2Folder("again")))
        .isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void anExportedModelIsAGpt2FolderWithTheStoredWeightsThatImportsBack() throws Exception {
    engine.catalog().importModel("mine", gpt2Folder("gpt2-tiny"));

    Map<String, byte[]> zip = export("mine");

    assertThat(zip.keySet()).containsExactlyInAnyOrder("model.safetensors", "config.json", "tokenizer.json",
        "augment.json");
    Path unpacked = unpack(zip, "unpacked");
    assertSameTensors(unpacked.resolve("model.safetensors"), root.resolve("models/mine/model.safetensors"));
    assertThat(Json.read(unpacked.resolve("config.json")).path("model_type").asText()).isEqualTo("gpt2");
    JsonNode info = Json.read(unpacked.resolve("augment.json"));
    assertThat(info.path("name").asText()).isEqualTo("mine");
    assertThat(info.path("method").asText()).isEqualTo("FULL");
    assertThat(engine.catalog().importModel("round-trip", unpacked).bytes())
        .isEqualTo(engine.catalog().find("mine").orElseThrow().bytes());
  }

  @Test
  void anArchiveIsDatedByTheStoredFilesSoTheSameArtifactExportsTheSameBytes() throws Exception {
    engine.catalog().importModel("mine", gpt2Folder("gpt2-tiny"));
    FileTime stored = FileTime.from(Instant.parse("2024-03-01T10:00:00Z"));
    try (var files = Files.list(root.resolve("models/mine"))) {
      for (Path file : files.toList()) {
        Files.setLastModifiedTime(file, stored);
      }
    }

    byte[] first = exported("mine");

    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        assertThat(Math.abs(entry.getTime() - stored.toMillis())).as(entry.getName()).isLessThan(2000);
      }
    }
    assertThat(exported("mine")).isEqualTo(first);
  }

  @Test
  void anExportedAdapterIsInPeftLayoutWithTheStoredWeights() throws Exception {
    try (var manager = TinyModels.manager(); var model = TinyModels.model(manager, 1)) {
      StoreFixtures.installModel(engine.store(), "base", model, TinyModels.tokenizer(), ArtifactInfo.Origin.PRETRAINED,
          ModelStore.SCRATCH);
      StoreFixtures.installAdapter(engine.store(), "tuned",
          TinyModels.randomAdapter(model, TinyModels.spec(2, "c_attn"), 5), "base");
    }

    Map<String, byte[]> zip = export("tuned");

    assertThat(zip.keySet()).containsExactlyInAnyOrder("adapter_model.safetensors", "adapter_config.json",
        "augment.json");
    Path unpacked = unpack(zip, "adapter");
    assertSameTensors(unpacked.resolve("adapter_model.safetensors"),
        root.resolve("adapters/tuned/adapter_model.safetensors"));
    JsonNode config = Json.read(unpacked.resolve("adapter_config.json"));
    assertThat(config.path("peft_type").asText()).isEqualTo("LORA");
    assertThat(config.path("base_model_name_or_path").asText()).isEqualTo("base");
    assertThat(Json.read(unpacked.resolve("augment.json")).path("baseModel").asText()).isEqualTo("base");
  }

  @Test
  void theArchiveHoldsOnlyTheArtifactsFilesByPlainName() throws Exception {
    engine.catalog().importModel("mine", gpt2Folder("gpt2-tiny"));
    Path folder = root.resolve("models/mine");
    Files.writeString(folder.resolve("notes.txt"), "not part of the artifact");
    Files.createSymbolicLink(folder.resolve("escape"), downloads);

    Map<String, byte[]> zip = export("mine");

    assertThat(zip.keySet()).hasSize(4).allSatisfy(entry -> assertThat(entry).doesNotContain("/", "\\", ".."));
    String info = new String(zip.get("augment.json"), StandardCharsets.UTF_8);
    assertThat(info).doesNotContain(root.toString(), downloads.toString());
  }

  @Test
  void exportingAnUnknownModelOrTheOperatorsBaseModelIsNotFound() {
    engine.importGpt2(gpt2Folder("gpt2-tiny"), "operator-base");

    for (String name : List.of("nothing-here", "operator-base", "../models/operator-base")) {
      assertThatThrownBy(() -> engine.catalog().export(name, new ByteArrayOutputStream()))
          .as(name).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void aFolderThatIsNotAGpt2CheckpointIsRefusedNamingTheFolderAndInstallsNothing() throws Exception {
    Path missing = gpt2Folder("no-config");
    Files.delete(missing.resolve("config.json"));
    Path garbage = gpt2Folder("garbage-weights");
    Files.write(garbage.resolve("model.safetensors"), new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '"', 'x', '"', ':', '1',
        '}', ' '});
    Path notJson = gpt2Folder("bad-config");
    Files.writeString(notJson.resolve("config.json"), "{\"model_type\": ");
    Path llama = gpt2Folder("llama");
    Files.writeString(llama.resolve("config.json"), "{\"model_type\": \"llama\"}");

    for (Path folder : List.of(missing, garbage, notJson, llama, downloads.resolve("does-not-exist"))) {
      assertThatThrownBy(() -> engine.catalog().importModel("bad", folder)).as(folder.toString())
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("folder");
            assertThat(e.getMessage()).doesNotContain(downloads.toString());
          });
    }
    assertThat(engine.catalog().adapters()).isEmpty();
    assertThat(engine.store().find("bad")).isEmpty();
    assertThat(engine.store().imports()).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
        p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void aHostileNameIsRefusedBeforeAnythingIsRead() throws Exception {
    Path folder = gpt2Folder("gpt2-tiny");

    for (String name : List.of("../escape", "a/b", "", ".hidden", "scratch", "x".repeat(101), "nul\0byte")) {
      assertThatThrownBy(() -> engine.catalog().importModel(name, folder)).as(name)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
    assertThatThrownBy(() -> engine.catalog().importModel(null, folder)).isInstanceOf(InvalidInputException.class);
    assertThat(engine.catalog().adapters()).isEmpty();
    assertThat(root.resolve("escape")).doesNotExist();
  }

  private byte[] exported(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.catalog().export(name, out);
    return out.toByteArray();
  }

  private Map<String, byte[]> export(String name) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.catalog().export(name, out);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        assertThat(entries.put(entry.getName(), zip.readAllBytes())).as("duplicate " + entry.getName()).isNull();
      }
    }
    return entries;
  }

  private Path unpack(Map<String, byte[]> zip, String into) throws Exception {
    Path dir = Files.createDirectories(downloads.resolve(into));
    for (Map.Entry<String, byte[]> entry : zip.entrySet()) {
      Files.write(dir.resolve(entry.getKey()), entry.getValue());
    }
    return dir;
  }

  private static void assertSameTensors(Path exported, Path stored) {
    Map<String, Tensor> a = SafeTensors.read(exported).tensors();
    Map<String, Tensor> b = SafeTensors.read(stored).tensors();
    assertThat(a.keySet()).containsExactlyElementsOf(b.keySet()).isNotEmpty();
    a.forEach((name, tensor) -> {
      assertThat(tensor.shape()).as(name).isEqualTo(b.get(name).shape());
      assertThat(tensor.values()).as(name).isEqualTo(b.get(name).values());
    });
  }
}
