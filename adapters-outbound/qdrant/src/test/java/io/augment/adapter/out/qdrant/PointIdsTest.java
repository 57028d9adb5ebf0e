package io.augment.adapter.out.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PointIdsTest {

  @Test
  void derivesTheSameUuidFromTheSameChunkIdAndGeneration() {
    assertThat(PointIds.uuid("doc#0", 7)).isEqualTo(PointIds.uuid("doc#0", 7));
    assertThat(PointIds.of("doc#0", 7).getUuid()).isEqualTo(PointIds.uuid("doc#0", 7).toString());
  }

  @Test
  void isANameBasedVersion5UuidThatQdrantAccepts() {
    UUID id = PointIds.uuid("doc#0", 1);
    assertThat(id.version()).isEqualTo(5);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(PointIds.of("doc#0", 1).getUuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void matchesSha1OverNamespaceChunkIdAndGenerationComputedIndependently() {
    // Expected values from Python: sha1(namespace.bytes + chunk_id.encode() + struct.pack('>q', generation))
    assertThat(PointIds.uuid("doc#0", 1)).hasToString("12d19622-bade-54d5-8b65-5bb57fcc0e0c");
    assertThat(PointIds.uuid("Über#12", 1_700_000_000_000_000L)).hasToString("83fa6c94-a8a0-50b7-9f9d-d1cceb8414c9");
  }

  @Test
  void differsBetweenChunksAndBetweenGenerationsOfTheSameChunk() {
    assertThat(PointIds.uuid("doc#0", 1)).isNotEqualTo(PointIds.uuid("doc#1", 1));
    assertThat(PointIds.uuid("doc#0", 1)).isNotEqualTo(PointIds.uuid("doc#0", 2));
    assertThat(PointIds.uuid("a", 1)).isNotEqualTo(PointIds.uuid("a\u0000", 1));
  }
}
