package io.augment.application.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.application.retrieval.ReciprocalRankFusion.Ranked;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.testing.Chunks;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {
  private static List<ScoredChunk> ranked(String... docs) {
    return Arrays.stream(docs).map(d -> new ScoredChunk(Chunks.chunk(d, 0).build(), 0.5)).toList();
  }

  private static List<String> docs(List<ScoredChunk> fused) {
    return fused.stream().map(c -> c.chunk().documentId()).toList();
  }

  @Test
  void aChunkHighInBothListsBeatsOneTopInOnlyOne() {
    List<ScoredChunk> fused = ReciprocalRankFusion.fuse(
        List.of(new Ranked(ranked("a", "b", "c"), 1), new Ranked(ranked("d", "b", "e"), 1)), 60);
    assertThat(docs(fused)).startsWith("b").containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    assertThat(fused.get(0).score()).isEqualTo(2.0 / 62, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void weightsShiftTheBalance() {
    List<ScoredChunk> fused = ReciprocalRankFusion.fuse(
        List.of(new Ranked(ranked("a", "b"), 1), new Ranked(ranked("b", "a"), 3)), 60);
    assertThat(docs(fused)).containsExactly("b", "a");
  }

  @Test
  void emptyListsFuseToNothing() {
    assertThat(ReciprocalRankFusion.fuse(List.of(new Ranked(List.of(), 1)), 60)).isEmpty();
  }
}
