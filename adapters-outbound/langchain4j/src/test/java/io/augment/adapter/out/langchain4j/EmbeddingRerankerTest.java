package io.augment.adapter.out.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.testing.Chunks;
import io.augment.domain.testing.HashingEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingRerankerTest {

  /** Cosine alone, so the order is the model's. */
  private static final EmbeddingReranker BGE = EmbeddingReranker.bgeSmallEnV15(0.0);

  /** First-stage order: the passages that merely share the question's words come first. */
  private static final List<ScoredChunk> CANDIDATES = candidates(
      "The 1984 Summer Olympics were held in Los Angeles, and the boycott was led by the Soviet Union.",
      "Nineteen Eighty-Four was adapted for the cinema in 1956 and again in 1984, starring John Hurt.",
      "George Orwell, born Eric Blair, wrote Nineteen Eighty-Four in 1948 on the island of Jura.",
      "Animal Farm is an allegorical novella that was published in England in 1945.");

  @Test
  void ranksThePassageThatAnswersTheQuestionFirst() {
    List<ScoredChunk> reranked = BGE.rerank("Who wrote the novel Nineteen Eighty-Four?", CANDIDATES, 4);

    assertThat(reranked.get(0).chunk().documentId()).isEqualTo("doc-2");
    assertThat(reranked).extracting(ScoredChunk::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void returnsAtMostTopKOfTheCandidatesAndNeverNewOnes() {
    List<ScoredChunk> reranked = BGE.rerank("Who wrote the novel Nineteen Eighty-Four?", CANDIDATES, 2);

    assertThat(reranked).hasSize(2);
    assertThat(reranked).extracting(ScoredChunk::chunk).isSubsetOf(CANDIDATES.stream().map(ScoredChunk::chunk).toList());
    assertThat(BGE.rerank("anything", CANDIDATES.subList(0, 1), 10)).hasSize(1);
  }

  @Test
  void givesNothingForNoCandidates() {
    assertThat(BGE.rerank("Who wrote Nineteen Eighty-Four?", List.of(), 5)).isEmpty();
  }

  @Test
  void keepsTheFirstStageOrderWhenItsWeightIsOne() {
    var reranker = new EmbeddingReranker(new HashingEmbeddingModel(), "", 1.0);
    List<ScoredChunk> reranked = reranker.rerank("Who wrote the novel Nineteen Eighty-Four?", CANDIDATES, 4);

    assertThat(reranked).extracting(ScoredChunk::chunk).containsExactlyElementsOf(
        CANDIDATES.stream().map(ScoredChunk::chunk).toList());
  }

  @Test
  void embedsEachCandidateTextOnlyOnceAcrossQueriesAndBlends() {
    var model = new HashingEmbeddingModel();
    var reranker = new EmbeddingReranker(model, "query: ", 0.0);
    reranker.rerank("first question", CANDIDATES, 4);
    reranker.rerank("second question", CANDIDATES, 4);
    reranker.withFirstStageWeight(0.5).rerank("third question", CANDIDATES, 4);

    assertThat(model.batchSizes()).containsExactly(1, 4, 1, 0, 1, 0);
  }

  @Test
  void namesItsModelAndBlend() {
    assertThat(BGE.id()).isEqualTo("embedding:bge-small-en-v1.5");
    assertThat(BGE.withFirstStageWeight(0.5).id()).isEqualTo("embedding:bge-small-en-v1.5+rank0.5");
    assertThat(new EmbeddingReranker(new HashingEmbeddingModel(), "", 0.25).id()).isEqualTo("embedding:hashing+rank0.25");
  }

  @Test
  void rejectsAFirstStageWeightOutsideZeroToOne() {
    assertThatThrownBy(() -> new EmbeddingReranker(new HashingEmbeddingModel(), "", 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<ScoredChunk> candidates(String... texts) {
    List<ScoredChunk> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(new ScoredChunk(Chunks.chunk("doc-" + i, 0).text(texts[i]).build(), 1.0 / (i + 1)));
    }
    return out;
  }
}
