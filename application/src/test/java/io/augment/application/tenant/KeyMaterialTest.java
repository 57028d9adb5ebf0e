package io.augment.application.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

  @Test
  void generatedKeysAreDistinctAndCarryTheirId() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String key = KeyMaterial.generate();
      assertThat(seen.add(key)).isTrue();
      assertThat(key).matches("aug_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
      assertThat(KeyMaterial.idOf(key)).contains(key.substring(4, 20));
    }
  }

  @Test
  void malformedOrOverlongTextIsNoKey() {
    String key = KeyMaterial.generate();
    assertThat(KeyMaterial.idOf(null)).isEmpty();
    assertThat(KeyMaterial.idOf("")).isEmpty();
    assertThat(KeyMaterial.idOf("sk-" + key)).isEmpty();
    assertThat(KeyMaterial.idOf(key + "x")).isEmpty();
    assertThat(KeyMaterial.idOf(key.toUpperCase())).isEmpty();
    assertThat(KeyMaterial.idOf("aug_" + "0".repeat(16) + "_" + "a".repeat(200))).isEmpty();
  }

  @Test
  void theStoredHashIsNotTheKeyAndMatchesOnlyIt() {
    String key = KeyMaterial.generate();
    String hash = KeyMaterial.hash(key);
    assertThat(hash).hasSize(64).doesNotContain(key.substring(21));
    assertThat(KeyMaterial.hash(key)).isEqualTo(hash);
    assertThat(KeyMaterial.hash(KeyMaterial.generate())).isNotEqualTo(hash);
  }
}
