package io.augment.adapter.out.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.retrieval.Reranker;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.testing.RerankerContract;
import io.augment.domain.testing.HashingEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingRerankerTest extends RerankerContract {

  /** Cosine alone, so the order is the model's. */
  private static final EmbeddingReranker BGE = EmbeddingReranker.bgeSmallEnV15(0.0);

  @Override
  protected Reranker reranker() {
    return BGE;
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
}
