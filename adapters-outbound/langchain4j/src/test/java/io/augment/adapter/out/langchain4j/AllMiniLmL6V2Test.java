package io.augment.adapter.out.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.testing.EmbeddingModelContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AllMiniLmL6V2Test extends EmbeddingModelContract {

  private static final LangChain4jEmbeddingModel MODEL = LangChain4jEmbeddingModel.allMiniLmL6V2();

  @Override
  protected EmbeddingModel model() {
    return MODEL;
  }

  @Test
  void specNamesTheModelItsDimensionAndItsInputLimit() {
    assertThat(MODEL.spec()).isEqualTo(new EmbeddingSpec("all-minilm-l6-v2", 384, 256));
    assertThat(MODEL.specialTokens()).isEqualTo(2);
  }

  @Test
  void scoresSimilarSentencesHigherThanUnrelatedOnes() {
    List<float[]> v = MODEL.embedAll(List.of(
        "How do I reset my password?",
        "Steps to change a forgotten account password",
        "The recipe needs two cups of flour"));
    assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(cosine(v.get(0), v.get(2)) + 0.2);
  }

  @Test
  void countsWordPiecesWithoutTheSpecialTokens() {
    assertThat(MODEL.countTokens("unaffable")).isEqualTo(3); // una ##ffa ##ble
    assertThat(MODEL.countTokens("the cat")).isEqualTo(2);
  }

  @Test
  void readsUpToItsLimitAndIgnoresTheRest() {
    int room = MODEL.spec().maxInputTokens() - MODEL.specialTokens();
    String fits = words(room - 10);
    String overflows = words(room + 10);
    assertThat(MODEL.countTokens(fits)).isEqualTo(room - 10);

    String tail = " volcanoes erupt over the pizza";
    assertThat(cosine(MODEL.embed(fits), MODEL.embed(fits + tail))).isLessThan(0.999);
    assertThat(cosine(MODEL.embed(overflows), MODEL.embed(overflows + tail))).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void unpacksTheTokenizerLibraryUnderDjlCacheDir() {
    String cacheDir = System.getenv("DJL_CACHE_DIR");
    assumeTrue(cacheDir != null, "DJL_CACHE_DIR is not set (Surefire sets it)");
    assertThat(Files.isDirectory(Path.of(cacheDir, "tokenizers"))).isTrue();
  }

  /** {@code n} words of one word piece each. */
  private static String words(int n) {
    return IntStream.range(0, n).mapToObj(i -> i % 2 == 0 ? "river" : "stone").collect(Collectors.joining(" "));
  }
}
