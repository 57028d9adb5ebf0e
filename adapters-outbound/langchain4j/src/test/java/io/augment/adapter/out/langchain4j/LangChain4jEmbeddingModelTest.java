package io.augment.adapter.out.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.InvalidInputException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LangChain4jEmbeddingModelTest {

  @Test
  void scalesVectorsOfProvidersThatDoNotNormalise() {
    var model = wrapping(segments -> segments.stream().map(s -> Embedding.from(new float[] {3, 4})).toList());
    float[] vector = model.embed("anything");
    assertThat(vector[0]).isCloseTo(0.6f, within(1e-6f));
    assertThat(vector[1]).isCloseTo(0.8f, within(1e-6f));
  }

  @Test
  void reportsAFailingProviderAsBackendUnavailable() {
    var model = wrapping(segments -> {
      throw new RuntimeException("connection refused");
    });
    assertThatThrownBy(() -> model.embed("anything"))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("remote-model")
        .hasMessageContaining("connection refused");
  }

  @Test
  void rejectsBlankTextNamingItsPositionInTheBatch() {
    var model = wrapping(segments -> segments.stream().map(s -> Embedding.from(new float[] {1, 0})).toList());
    assertThatThrownBy(() -> model.embedAll(List.of("fine", "  ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("text 1");
  }

  @Test
  void refusesVectorsOfTheWrongDimension() {
    var model = wrapping(segments -> segments.stream().map(s -> Embedding.from(new float[] {1, 0, 0})).toList());
    assertThatThrownBy(() -> model.embed("anything")).hasMessageContaining("3 floats");
  }

  @Test
  void refusesABatchAnswerOfTheWrongSize() {
    var model = wrapping(segments -> List.of(Embedding.from(new float[] {1, 0})));
    assertThatThrownBy(() -> model.embedAll(List.of("a", "b"))).hasMessageContaining("1 vectors for 2 texts");
  }

  @Test
  void countsWithTheGivenCounterAndAddsNoSpecialTokens() {
    var model = wrapping(segments -> List.of());
    assertThat(model.countTokens("twelve chars")).isEqualTo(3);
    assertThat(model.specialTokens()).isZero();
  }

  private static LangChain4jEmbeddingModel wrapping(Function<List<TextSegment>, List<Embedding>> provider) {
    dev.langchain4j.model.embedding.EmbeddingModel delegate = new dev.langchain4j.model.embedding.EmbeddingModel() {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(provider.apply(segments));
      }
    };
    return new LangChain4jEmbeddingModel(delegate, "remote-model", 2, 8191, TokenCounter.APPROXIMATE);
  }
}
