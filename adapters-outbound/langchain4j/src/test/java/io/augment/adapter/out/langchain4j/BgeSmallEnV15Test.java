package io.augment.adapter.out.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.testing.EmbeddingModelContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgeSmallEnV15Test extends EmbeddingModelContract {

  private static final LangChain4jEmbeddingModel MODEL = LangChain4jEmbeddingModel.bgeSmallEnV15();

  @Override
  protected EmbeddingModel model() {
    return MODEL;
  }

  @Test
  void specNamesTheModelItsDimensionAndItsInputLimit() {
    assertThat(MODEL.spec()).isEqualTo(new EmbeddingSpec("bge-small-en-v1.5", 384, 512));
    assertThat(MODEL.specialTokens()).isEqualTo(2);
  }

  @Test
  void placesAnInstructedQueryNearestThePassageThatAnswersIt() {
    List<float[]> v = MODEL.embedAll(List.of(
        EmbeddingReranker.BGE_QUERY_INSTRUCTION + "How do I reset my password?",
        "To change a forgotten password, open Settings and choose Account recovery.",
        "Passwords were first used by Roman sentries."));
    assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(cosine(v.get(0), v.get(2)));
  }

  @Test
  void quantizedVariantGivesNearlyTheSameVectors() {
    LangChain4jEmbeddingModel quantized = LangChain4jEmbeddingModel.bgeSmallEnV15Quantized();
    String text = "The river flooded the valley after three days of rain.";

    assertThat(quantized.spec()).isEqualTo(new EmbeddingSpec("bge-small-en-v1.5-q", 384, 512));
    assertThat(cosine(quantized.embed(text), MODEL.embed(text))).isGreaterThan(0.98);
  }
}
