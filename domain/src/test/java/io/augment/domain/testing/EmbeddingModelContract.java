package io.augment.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.augment.domain.retrieval.EmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmbeddingModel} must do. An adapter's test extends this class and supplies the
 * model; a model that is slow to load should be kept in a static field.
 */
public abstract class EmbeddingModelContract {

  protected abstract EmbeddingModel model();

  @Test
  void embedsAnEmptyListAsAnEmptyList() {
    assertThat(model().embedAll(List.of())).isEmpty();
  }

  @Test
  void givesOneVectorPerTextInTheOrderOfTheTexts() {
    List<String> texts = List.of("The cat sat on the mat.", "Stock markets fell sharply today.", "A kitten naps.");
    List<float[]> batch = model().embedAll(texts);
    assertThat(batch).hasSize(3);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(cosine(batch.get(i), model().embed(texts.get(i)))).isCloseTo(1.0, within(1e-4));
    }
  }

  @Test
  void givesUnitVectorsOfTheSpecsDimension() {
    for (float[] vector : model().embedAll(List.of("short", "a somewhat longer sentence about rivers"))) {
      assertThat(vector).hasSize(model().spec().dimension());
      assertThat(Math.sqrt(cosine(vector, vector))).isCloseTo(1.0, within(1e-4));
    }
  }

  @Test
  void countsMoreTokensForLongerText() {
    int one = model().countTokens("river");
    int many = model().countTokens("river bank erosion in the spring floods");
    assertThat(one).isPositive();
    assertThat(many).isGreaterThan(one);
    assertThat(model().countTokens("")).isZero();
  }

  @Test
  void leavesRoomForItsSpecialTokensWithinTheLimit() {
    assertThat(model().specialTokens()).isNotNegative().isLessThan(model().spec().maxInputTokens());
  }

  /** Dot product; the cosine for unit vectors. */
  protected static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return dot;
  }
}
