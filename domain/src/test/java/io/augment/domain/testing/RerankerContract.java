package io.augment.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.retrieval.Reranker;
import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link Reranker} must do; each adapter's test extends this. */
public abstract class RerankerContract {

  /** A reranker that reads the texts (not only the first-stage order). */
  protected abstract Reranker reranker();

  /** First-stage order: the passages that merely share the question's words come first. */
  protected static final List<ScoredChunk> CANDIDATES = candidates(
      "The 1984 Summer Olympics were held in Los Angeles, and the boycott was led by the Soviet Union.",
      "Nineteen Eighty-Four was adapted for the cinema in 1956 and again in 1984, starring John Hurt.",
      "George Orwell, born Eric Blair, wrote Nineteen Eighty-Four in 1948 on the island of Jura.",
      "Animal Farm is an allegorical novella that was published in England in 1945.");

  protected static final String QUESTION = "Who wrote the novel Nineteen Eighty-Four?";

  @Test
  void ranksThePassageThatAnswersTheQuestionFirstWithScoresInOrder() {
    List<ScoredChunk> reranked = reranker().rerank(QUESTION, CANDIDATES, 4);

    assertThat(reranked.get(0).chunk().documentId()).isEqualTo("doc-2");
    assertThat(reranked).extracting(ScoredChunk::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void returnsAtMostTopKOfTheCandidatesAndNeverNewOnes() {
    List<ScoredChunk> reranked = reranker().rerank(QUESTION, CANDIDATES, 2);

    assertThat(reranked).hasSize(2);
    assertThat(reranked).extracting(ScoredChunk::chunk).isSubsetOf(CANDIDATES.stream().map(ScoredChunk::chunk).toList());
    assertThat(reranker().rerank("anything", CANDIDATES.subList(0, 1), 10)).hasSize(1);
  }

  @Test
  void givesNothingForNoCandidates() {
    assertThat(reranker().rerank(QUESTION, List.of(), 5)).isEmpty();
  }

  @Test
  void leavesTheCallersListAsItWas() {
    List<ScoredChunk> mine = new ArrayList<>(CANDIDATES);
    reranker().rerank(QUESTION, mine, 4);
    assertThat(mine).containsExactlyElementsOf(CANDIDATES);
  }

  protected static List<ScoredChunk> candidates(String... texts) {
    List<ScoredChunk> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(new ScoredChunk(Chunks.chunk("doc-" + i, 0).text(texts[i]).build(), 1.0 / (i + 1)));
    }
    return out;
  }
}
