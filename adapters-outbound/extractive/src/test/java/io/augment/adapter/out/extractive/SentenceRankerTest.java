package io.augment.adapter.out.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.augmentation.ContextChunk;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.testing.Chunks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceRankerTest {

  @Test
  void ranksTheSentenceWithTheQuestionsRareWordsFirst() {
    List<Candidate> ranked = SentenceRanker.rank("Who led the bridge construction?", context(
        "The bridge is made of steel. The bridge construction was led by John Bradfield. The bridge is grey."));
    assertThat(ranked.get(0).text()).isEqualTo("The bridge construction was led by John Bradfield.");
  }

  @Test
  void prefersASentenceHoldingTheKindOfAnswerAskedFor() {
    List<Candidate> ranked = SentenceRanker.rank("How many workers built the bridge?", context(
        "Workers built the bridge with great care. Over 1,400 workers built the bridge."));
    assertThat(ranked.get(0).text()).isEqualTo("Over 1,400 workers built the bridge.");
  }

  @Test
  void breaksTiesInFavourOfTheBetterRankedChunk() {
    List<Candidate> ranked = SentenceRanker.rank("Where is the harbour bridge?", context(
        "The harbour bridge stands in Sydney.", "The harbour bridge stands in Sydney."));
    assertThat(ranked).extracting(Candidate::citation).containsExactly(1, 2);
  }

  @Test
  void scoresEverySentenceOfEveryChunk() {
    assertThat(SentenceRanker.rank("anything", context("One. Two.", "Three."))).hasSize(3);
  }

  private static List<ContextChunk> context(String... texts) {
    List<ContextChunk> context = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      var chunk = Chunks.chunk("doc-" + i, 0).text(texts[i]).build();
      context.add(new ContextChunk(i + 1, new ScoredChunk(chunk, 0.5)));
    }
    return context;
  }

  @Test
  void neverPicksAHeadingLineOverTheSentencesBelowIt() {
    var chunk = new ContextChunk(1, new ScoredChunk(
        Chunks.chunk("d", 0)
            .text("Full fine-tuning\n\nFull fine-tuning trains every weight. It needs memory for gradients and optimiser state.")
            .build(), 0.9));
    List<Candidate> ranked = SentenceRanker.rank("Why is full fine-tuning expensive?", List.of(chunk));
    assertThat(ranked).extracting(Candidate::text).doesNotContain("Full fine-tuning");
  }
}
