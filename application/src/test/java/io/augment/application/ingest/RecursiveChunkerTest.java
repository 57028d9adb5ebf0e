package io.augment.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.testing.HashingEmbeddingModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecursiveChunkerTest {
  private final RecursiveChunker chunker = new RecursiveChunker();

  private static String sentences(int n, String prefix) {
    return IntStream.range(0, n).mapToObj(i -> prefix + " sentence number " + i + " ends here.").collect(Collectors.joining(" "));
  }

  @Test
  void neverExceedsTheModelsInputLimitEvenWhenChunkSizeIsLarger() {
    var model = new HashingEmbeddingModel("m", 16, 40); // 38 usable tokens after 2 special tokens
    List<Chunk> chunks = chunker.chunk("d", "T", sentences(60, "Alpha"), Map.of(), new ChunkingSettings(500, 10), model);
    assertThat(chunks).hasSizeGreaterThan(5);
    assertThat(chunks).allSatisfy(c -> {
      assertThat(model.countTokens(c.text())).isLessThanOrEqualTo(38);
      assertThat(c.tokenCount()).isEqualTo(model.countTokens(c.text()));
    });
  }

  @Test
  void respectsChunkSizeAndRepeatsTrailingSentencesAsOverlap() {
    var model = new HashingEmbeddingModel("m", 16, 512);
    List<Chunk> chunks = chunker.chunk("d", "T", sentences(40, "Beta"), Map.of(), new ChunkingSettings(30, 12), model);
    assertThat(chunks).allSatisfy(c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(30));
    assertThat(chunks).hasSizeGreaterThan(3);
    for (int i = 1; i < chunks.size(); i++) {
      List<String> previous = List.of(chunks.get(i - 1).text().split("(?<=\\.) "));
      List<String> current = List.of(chunks.get(i).text().split("(?<=\\.) "));
      // The chunk opens with the previous chunk's trailing sentences: 12 tokens = two 6-token sentences.
      assertThat(current.subList(0, 2)).isEqualTo(previous.subList(previous.size() - 2, previous.size()));
      assertThat(current.get(2)).isNotIn(previous);
    }
  }

  @Test
  void keepsEveryWordOfTheDocumentInOrder() {
    var model = new HashingEmbeddingModel("m", 16, 512);
    String text = sentences(25, "Gamma") + "\n\n" + sentences(25, "Delta");
    List<Chunk> chunks = chunker.chunk("d", "T", text, Map.of(), new ChunkingSettings(40, 0), model);
    String joined = chunks.stream().map(Chunk::text).collect(Collectors.joining(" "));
    assertThat(joined.split("\\s+")).containsExactly(text.split("\\s+"));
  }

  @Test
  void splitsTextWithoutSentenceBreaksByWords() {
    var model = new HashingEmbeddingModel("m", 16, 22);
    String words = IntStream.range(0, 100).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    List<Chunk> chunks = chunker.chunk("d", "T", words, Map.of(), new ChunkingSettings(20, 0), model);
    assertThat(chunks).allSatisfy(c -> assertThat(c.tokenCount()).isBetween(1, 20));
    assertThat(chunks).hasSize(5);
  }

  @Test
  void numbersChunksAndCopiesTitleAndMetadata() {
    var model = new HashingEmbeddingModel();
    List<Chunk> chunks = chunker.chunk("doc-1", "Title", sentences(30, "Eps"), Map.of("lang", "en"), new ChunkingSettings(40, 5), model);
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(chunks.get(i).id()).isEqualTo("doc-1#" + i);
      assertThat(chunks.get(i).index()).isEqualTo(i);
      assertThat(chunks.get(i).title()).isEqualTo("Title");
      assertThat(chunks.get(i).metadata()).containsEntry("lang", "en");
    }
  }

  @Test
  void separatesParagraphsWithABlankLineInsideAChunk() {
    var model = new HashingEmbeddingModel();
    List<Chunk> chunks = chunker.chunk("d", "T", "First paragraph.\n\n\nSecond paragraph.", Map.of(), ChunkingSettings.DEFAULT, model);
    assertThat(chunks).singleElement().extracting(Chunk::text).isEqualTo("First paragraph.\n\nSecond paragraph.");
  }
}
