package io.augment.application.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.NotImplementedException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing reads only inside the import folder; exporting needs a model that exists. */
class ImportModelsTest {
  @TempDir
  Path tmp;
  private Path imports;
  private Path outside;
  private final Catalog catalog = new Catalog();
  private ManageModels models;

  @BeforeEach
  void folders() throws Exception {
    imports = Files.createDirectories(tmp.resolve("imports"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.safetensors"), "not yours");
    checkpoint(imports.resolve("gpt2"));
    checkpoint(outside.resolve("gpt2"));
    models = new ManageModels(catalog, imports);
  }

  private static Path checkpoint(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (String file : List.of("config.json", "model.safetensors", "tokenizer.json")) {
      Files.writeString(dir.resolve(file), file);
    }
    return dir;
  }

  @Test
  void importsAFolderGivenRelativeToTheImportFolder() throws Exception {
    Adapter imported = models.importModel("mine", "gpt2");

    assertThat(imported.name()).isEqualTo("mine");
    assertThat(catalog.imported).containsExactly(Map.entry("mine", imports.resolve("gpt2").toRealPath()));
  }

  @Test
  void acceptsAnAbsolutePathInsideTheImportFolderAndLinksThatStayInside() throws Exception {
    // HuggingFace's cache keeps snapshot files as links to blobs beside them.
    Path blobs = Files.createDirectories(imports.resolve("hub/blobs"));
    Path snapshot = Files.createDirectories(imports.resolve("hub/snapshots/abc"));
    for (String file : List.of("config.json", "model.safetensors", "tokenizer.json")) {
      Files.createSymbolicLink(snapshot.resolve(file), Files.writeString(blobs.resolve("blob-" + file), file));
    }

    models.importModel("absolute", imports.resolve("gpt2").toAbsolutePath().toString());
    models.importModel("cached", "hub/snapshots/abc");

    assertThat(catalog.imported).containsOnlyKeys("absolute", "cached");
  }

  @Test
  void anImportFolderConfiguredThroughALinkTakesPathsByEitherName() throws Exception {
    Path alias = Files.createSymbolicLink(tmp.resolve("alias"), imports);
    ManageModels viaLink = new ManageModels(catalog, alias);

    viaLink.importModel("by-link", alias.resolve("gpt2").toString());
    viaLink.importModel("by-real-name", imports.resolve("gpt2").toString());
    viaLink.importModel("relative", "gpt2");

    assertThat(catalog.imported).containsOnlyKeys("by-link", "by-real-name", "relative");
    assertThatThrownBy(() -> viaLink.importModel("out", alias.resolve("../outside/gpt2").toString()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesDotDotEscapesNamingThePath() {
    for (String path : List.of("../outside/gpt2", "gpt2/../../outside/gpt2", "..")) {
      refused(path);
    }
  }

  @Test
  void refusesAnAbsolutePathOutsideTheImportFolder() {
    refused(outside.resolve("gpt2").toString());
    refused("/");
  }

  @Test
  void refusesAFolderLinkLeadingOutside() throws Exception {
    Files.createSymbolicLink(imports.resolve("link"), outside.resolve("gpt2"));

    refused("link");
  }

  @Test
  void refusesAFolderWhoseFileLinksOutside() throws Exception {
    Path folder = checkpoint(imports.resolve("sneaky"));
    Files.delete(folder.resolve("model.safetensors"));
    Files.createSymbolicLink(folder.resolve("model.safetensors"), outside.resolve("secret.safetensors"));

    InvalidInputException e = refused("sneaky");

    assertThat(e.reason()).contains("model.safetensors").doesNotContain(outside.toString());
  }

  @Test
  void refusesWhatIsNoFolderOrNoPath() throws Exception {
    Files.writeString(imports.resolve("file.txt"), "x");

    for (String path : List.of("file.txt", "missing", "", " ", "nul\0byte")) {
      refused(path);
    }
    refused(null);
  }

  @Test
  void requiresAName() {
    assertThatThrownBy(() -> models.importModel(" ", "gpt2"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThat(catalog.imported).isEmpty();
  }

  @Test
  void aFolderTheCatalogCannotServeIsReportedAsThePath() {
    catalog.refuse = new InvalidInputException("folder", "the folder lacks config.json");

    assertThatThrownBy(() -> models.importModel("mine", "gpt2"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("path");
          assertThat(e.reason()).isEqualTo("the folder lacks config.json");
        });
  }

  @Test
  void withoutAnImportFolderImportingIsNotImplementedAndNamesTheSetting() {
    for (ManageModels off : List.of(new ManageModels(catalog), new ManageModels(catalog, tmp.resolve("absent")))) {
      assertThatThrownBy(() -> off.importModel("mine", "gpt2")).isInstanceOf(NotImplementedException.class)
          .hasMessageContaining("augment.fine-tuning.import-dir");
    }
    assertThat(catalog.imported).isEmpty();
  }

  @Test
  void exportsAKnownModelAndRefusesAnUnknownOneWritingNothing() {
    models.importModel("mine", "gpt2");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    models.export("mine", out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("zip of mine");

    ByteArrayOutputStream none = new ByteArrayOutputStream();
    assertThatThrownBy(() -> models.export("nothing", none)).isInstanceOf(NotFoundException.class);
    assertThat(none.size()).isZero();
  }

  @Test
  void aTrainerThatCannotExportIsRefusedBeforeAnythingIsWritten() {
    catalog.exports = false;
    models.importModel("mine", "gpt2");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> models.exportable("mine")).isInstanceOf(NotImplementedException.class);
    assertThatThrownBy(() -> models.export("mine", out)).isInstanceOf(NotImplementedException.class);
    assertThat(out.size()).isZero();
  }

  @Test
  void aServerWithoutATrainerCannotImport() {
    ManageModels none = new ManageModels(new NoTrainer("fine-tuning is switched off"), imports);

    assertThatThrownBy(() -> none.importModel("mine", "gpt2")).isInstanceOf(NotImplementedException.class)
        .hasMessageContaining("switched off");
  }

  private InvalidInputException refused(String path) {
    var thrown = assertThatThrownBy(() -> models.importModel("mine", path)).as(String.valueOf(path))
        .isInstanceOf(InvalidInputException.class).actual();
    InvalidInputException e = (InvalidInputException) thrown;
    assertThat(e.field()).as(String.valueOf(path)).isEqualTo("path");
    assertThat(catalog.imported).as("nothing is imported for %s", path).isEmpty();
    return e;
  }

  /** Records imports; exports a marker text. */
  private static final class Catalog implements AdapterCatalog {
    final Map<String, Path> imported = new LinkedHashMap<>();
    InvalidInputException refuse;
    boolean exports = true;

    @Override
    public boolean exportsModels() {
      return exports;
    }

    @Override
    public List<Adapter> adapters() {
      return new ArrayList<>(imported.keySet().stream().map(Catalog::adapter).toList());
    }

    @Override
    public Optional<Adapter> find(String name) {
      return imported.containsKey(name) ? Optional.of(adapter(name)) : Optional.empty();
    }

    @Override
    public boolean delete(String name) {
      return imported.remove(name) != null;
    }

    @Override
    public Adapter importModel(String name, Path folder) {
      if (refuse != null) {
        throw refuse;
      }
      imported.put(name, folder);
      return adapter(name);
    }

    @Override
    public void export(String name, OutputStream out) {
      try {
        out.write(("zip of " + name).getBytes(StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static Adapter adapter(String name) {
      return new Adapter(name, "gpt2", AdaptationMethod.FULL, 1);
    }
  }
}
