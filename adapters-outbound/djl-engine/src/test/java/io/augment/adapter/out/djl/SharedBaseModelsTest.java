package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant's store offers the operator's imported base models read-only, and nothing the operator trained. */
class SharedBaseModelsTest {
  @TempDir
  Path dir;

  private static void install(ModelStore store, String name, AdaptationMethod method, ArtifactInfo.Origin origin)
      throws IOException {
    Path staging = store.jobs().resolve("staging-" + name);
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("weights.bin"), name);
    store.install(staging, new ArtifactInfo(name, origin == ArtifactInfo.Origin.IMPORTED ? null : "gpt2", method, origin,
        Instant.now().toString()));
  }

  @Test
  void aTenantSeesTheOperatorsImportedModelsOnlyAndCannotDeleteOrShadowThem() throws IOException {
    ModelStore operator = new ModelStore(dir.resolve("operator"));
    install(operator, "gpt2", AdaptationMethod.FULL, ArtifactInfo.Origin.IMPORTED);
    install(operator, "ops-private", AdaptationMethod.FULL, ArtifactInfo.Origin.FINE_TUNED);
    install(operator, "ops-lora", AdaptationMethod.LORA, ArtifactInfo.Origin.FINE_TUNED);
    ModelStore tenant = new ModelStore(dir.resolve("tenant"), new ModelStore(dir.resolve("operator")));

    assertThat(tenant.find("gpt2")).isPresent();
    assertThat(tenant.folder(tenant.find("gpt2").orElseThrow())).isEqualTo(operator.folder(operator.find("gpt2").orElseThrow()));
    assertThat(tenant.find("ops-private")).isEmpty();
    assertThat(tenant.find("ops-lora")).isEmpty();
    assertThat(tenant.all()).extracting(ArtifactInfo::name).containsExactly("gpt2");

    assertThatThrownBy(() -> install(tenant, "gpt2", AdaptationMethod.FULL, ArtifactInfo.Origin.FINE_TUNED))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> tenant.delete("gpt2")).isInstanceOf(InvalidInputException.class);
    assertThat(operator.find("gpt2")).isPresent();
    assertThat(tenant.delete("ops-private")).isFalse();
    assertThat(operator.find("ops-private")).isPresent();
  }

  @Test
  void whatATenantTrainsStaysInItsOwnStore() throws IOException {
    ModelStore operator = new ModelStore(dir.resolve("operator"));
    ModelStore tenant = new ModelStore(dir.resolve("tenant"), operator);
    install(tenant, "mine", AdaptationMethod.LORA, ArtifactInfo.Origin.FINE_TUNED);

    assertThat(tenant.folder(tenant.find("mine").orElseThrow())).startsWith(dir.resolve("tenant"));
    assertThat(operator.find("mine")).isEmpty();
    assertThat(tenant.delete("mine")).isTrue();
    assertThat(tenant.find("mine")).isEmpty();
  }
}
