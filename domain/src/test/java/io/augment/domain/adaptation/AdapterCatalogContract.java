package io.augment.domain.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.NotImplementedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AdapterCatalog} must do. A subclass supplies the catalog and a way to make one
 * trained artifact in it; the catalog may be shared between cases, so each makes its own.
 */
public abstract class AdapterCatalogContract {
  /** The catalog under test. */
  protected abstract AdapterCatalog catalog();

  /** Makes one new trained artifact (a model or an adapter) in {@link #catalog()}; returns its name. */
  protected abstract String trainedArtifact() throws Exception;

  private static String unknown() {
    return "never-made-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void listsWhatWasTrainedInNameOrder() throws Exception {
    String first = trainedArtifact();
    String second = trainedArtifact();

    assertThat(catalog().adapters()).extracting(Adapter::name).contains(first, second).isSorted();
  }

  @Test
  void findsATrainedArtifactByName() throws Exception {
    String name = trainedArtifact();

    Adapter found = catalog().find(name).orElseThrow();

    assertThat(found.name()).isEqualTo(name);
    assertThat(found.method()).isNotNull();
    assertThat(found.baseModel()).isNotBlank();
    assertThat(found.bytes()).isNotNegative();
  }

  @Test
  void deletesOnceAndThenHasNothingToDelete() throws Exception {
    String name = trainedArtifact();

    assertThat(catalog().delete(name)).isTrue();

    assertThat(catalog().find(name)).isEmpty();
    assertThat(catalog().adapters()).extracting(Adapter::name).doesNotContain(name);
    assertThat(catalog().delete(name)).isFalse();
  }

  @Test
  void anUnknownNameIsNeitherFoundNorDeleted() {
    String name = unknown();

    assertThat(catalog().find(name)).isEmpty();
    assertThat(catalog().delete(name)).isFalse();
  }

  @Test
  void aMalformedNameIsSimplyNotFound() {
    assertThat(catalog().find("../" + unknown())).isEmpty();
    assertThat(catalog().find("")).isEmpty();
  }

  @Test
  void exportsATrainedArtifactAsAZipDescribingItOrSaysItCannot() throws Exception {
    String name = trainedArtifact();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    if (!catalog().exportsModels()) {
      assertThatThrownBy(() -> catalog().export(name, out)).isInstanceOf(NotImplementedException.class);
      assertThat(out.size()).isZero();
      return;
    }
    catalog().export(name, out);
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).containsKey("augment.json");
    assertThat(entries.get("augment.json")).contains("\"" + name + "\"");
    assertThat(entries.keySet()).allSatisfy(entry -> assertThat(entry).doesNotContain("/", "\\"));
  }

  @Test
  void exportingAnUnknownNameIsNotFoundOrNotOffered() {
    assertThatThrownBy(() -> catalog().export(unknown(), new ByteArrayOutputStream()))
        .isInstanceOfAny(NotFoundException.class, NotImplementedException.class);
  }
}
