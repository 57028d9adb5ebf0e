package io.augment.application.augmentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.augmentation.ContextChunk;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.testing.Chunks;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedCitationAugmenterTest {
  // One token per word keeps the arithmetic visible.
  private final NumberedCitationAugmenter augmenter = new NumberedCitationAugmenter(t -> t.isBlank() ? 0 : t.strip().split("\\s+").length);

  private static ScoredChunk chunk(String doc, int words) {
    return new ScoredChunk(Chunks.chunk(doc, 0).title(doc).text("word ".repeat(words).strip()).build(), 0.9);
  }

  @Test
  void numbersSourcesInOrderAndRendersThemBeforeTheQuestion() {
    Prompt prompt = augmenter.augment("What?", List.of(chunk("a", 3), chunk("b", 3)), 1000);
    assertThat(prompt.context()).extracting(ContextChunk::number).containsExactly(1, 2);
    assertThat(prompt.userMessage()).contains("[1] a\nword word word").contains("[2] b").endsWith("Question: What?");
    assertThat(prompt.userMessage().indexOf("[1]")).isLessThan(prompt.userMessage().indexOf("[2]"));
    assertThat(prompt.dropped()).isZero();
  }

  @Test
  void leavesOutWholeChunksThatWouldExceedTheBudgetButKeepsSmallerOnesAfterThem() {
    int fixed = augmenter.augment("What?", List.of(), 1000).tokenCount();
    Prompt prompt = augmenter.augment("What?", List.of(chunk("a", 10), chunk("big", 500), chunk("c", 10)), fixed + 30);
    assertThat(prompt.context()).extracting(c -> c.source().chunk().documentId()).containsExactly("a", "c");
    assertThat(prompt.context()).extracting(ContextChunk::number).containsExactly(1, 2);
    assertThat(prompt.dropped()).isEqualTo(1);
    assertThat(prompt.tokenCount()).isLessThanOrEqualTo(fixed + 30);
  }

  @Test
  void keepsTheQuestionWhenNothingFits() {
    Prompt prompt = augmenter.augment("What?", List.of(chunk("a", 50)), 5);
    assertThat(prompt.context()).isEmpty();
    assertThat(prompt.userMessage()).isEqualTo("Question: What?");
  }

  @Test
  void readsItsOwnRenderingBackIncludingChunksWithBlankLinesAndOtherMarkers() {
    ScoredChunk tricky = new ScoredChunk(Chunks.chunk("t", 0).title("Tricky").text("first para\n\n[7] not a source").build(), 0.5);
    Prompt sent = augmenter.augment("Why?", List.of(chunk("a", 3), tricky), 1000);

    Prompt read = NumberedCitationAugmenter.parse(sent.system(), sent.userMessage(), t -> 1).orElseThrow();

    assertThat(read.question()).isEqualTo("Why?");
    assertThat(read.context()).extracting(ContextChunk::number).containsExactly(1, 2);
    assertThat(read.context()).extracting(c -> c.source().chunk().title()).containsExactly("a", "Tricky");
    assertThat(read.context().get(1).source().chunk().text()).isEqualTo("first para\n\n[7] not a source");
    assertThat(read.userMessage()).isEqualTo(sent.userMessage());
  }

  @Test
  void leavesOtherMessagesAlone() {
    assertThat(NumberedCitationAugmenter.parse("", "What is a glacier?", t -> 1)).isEmpty();
    assertThat(NumberedCitationAugmenter.parse("", "Sources:\n\nno numbers here\n\nQuestion: q", t -> 1)).isEmpty();
    assertThat(NumberedCitationAugmenter.parse("", "Sources:\n\n[2] skipped one\ntext\n\nQuestion: q", t -> 1)).isEmpty();
  }
}
