package io.augment.domain.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.NotImplementedException;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
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
  void exportingAnUnknownNameIsNotFoundOrNotOffered() {
    assertThatThrownBy(() -> catalog().export(unknown(), new ByteArrayOutputStream()))
        .isInstanceOfAny(NotFoundException.class, NotImplementedException.class);
  }
}
