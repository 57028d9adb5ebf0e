package io.augment.adapter.out.llm;

import io.augment.domain.retrieval.UnitVectors;
import static io.augment.adapter.out.llm.ModelServerStub.status;
import static io.augment.adapter.out.llm.OpenAiReplies.EMBEDDINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.model.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleEmbeddingModelTest {
  private final ModelServerStub server = new ModelServerStub().byDefault(EMBEDDINGS, OpenAiReplies.embeddings(8));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void describesItselfWithTheConfiguredModelDimensionAndLimit() {
    assertThat(model("text-embedding-3-small", 8).spec())
        .isEqualTo(new EmbeddingSpec("openai:text-embedding-3-small", 8, OpenAiCompatibleEmbeddingModel.OPENAI_MAX_INPUT_TOKENS));
  }

  @Test
  void scalesTheServersVectorsToUnitLength() {
    float[] vector = model("nomic-embed-text", 8).embed("river bank");
    float[] raw = OpenAiReplies.vectorOf("river bank", 8);
    double norm = Math.sqrt(IntStream.range(0, 8).mapToDouble(i -> raw[i] * raw[i]).sum());
    for (int i = 0; i < 8; i++) {
      assertThat(vector[i]).isCloseTo((float) (raw[i] / norm), within(1e-6f));
    }
  }

  @Test
  void refusesVectorsOfAnotherDimensionThanConfigured() {
    assertThatThrownBy(() -> model("nomic-embed-text", 384).embed("river"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("vectors of 8 floats")
        .hasMessageContaining("configured dimension is 384");
  }

  @Test
  void sendsLargeBatchesInRequestsOfAtMostTheBatchSizeKeepingTheOrder() {
    List<String> texts = IntStream.range(0, 150).mapToObj(i -> "text number " + i).toList();
    List<float[]> vectors = model("nomic-embed-text", 8).embedAll(texts);

    assertThat(server.received(EMBEDDINGS)).extracting(r -> r.body().path("input").size()).containsExactly(64, 64, 22);
    assertThat(server.received(EMBEDDINGS).get(0).body().path("model").asText()).isEqualTo("nomic-embed-text");
    assertThat(vectors).hasSize(150);
    assertThat(vectors.get(149)).isEqualTo(UnitVectors.unitLength(OpenAiReplies.vectorOf("text number 149", 8)));
  }

  @Test
  void sendsTheConfiguredExtraHeaders() {
    var tagged = new OpenAiCompatibleEmbeddingModel(
        TestConfigs.openAi(server, "nomic-embed-text").withHeaders(java.util.Map.of("X-Augment-Instance", "i-2")), 8, 512);
    tagged.embed("river bank");
    assertThat(server.received(EMBEDDINGS).get(0).header("X-Augment-Instance")).isEqualTo("i-2");
  }

  @Test
  void retriesAnUnavailableServer() {
    server.then(EMBEDDINGS, status(503, "{\"error\":{\"message\":\"loading model\"}}"));
    assertThat(model("nomic-embed-text", 8).embed("river")).hasSize(8);
    assertThat(server.hits(EMBEDDINGS)).isEqualTo(2);
  }

  @Test
  void reportsAFailingServerAsBackendUnavailable() {
    server.byDefault(EMBEDDINGS, status(500, "{\"error\":{\"message\":\"out of memory\"}}"));
    assertThatThrownBy(() -> model("nomic-embed-text", 8).embed("river"))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("openai:nomic-embed-text")
        .hasMessageContaining("embeddings at " + server.root() + "/v1")
        .hasMessageContaining("out of memory");
  }

  @Test
  void rejectsBlankTextWithoutCallingTheServer() {
    assertThatThrownBy(() -> model("nomic-embed-text", 8).embedAll(List.of("fine", " ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("text 1");
    assertThat(server.hits(EMBEDDINGS)).isZero();
  }

  @Test
  void countsTokensWithOpenAisTokenizerForOpenAisModels() {
    var openAi = model("text-embedding-3-small", 8);
    assertThat(openAi.countTokens("hello world")).isEqualTo(2);
    assertThat(openAi.countTokens("antidisestablishmentarianism")).isGreaterThan(2);
    assertThat(openAi.countTokens("")).isZero();
  }

  @Test
  void estimatesFourCharactersPerTokenForOtherModels() {
    assertThat(model("nomic-embed-text", 8).countTokens("twelve chars")).isEqualTo(3);
  }

  private OpenAiCompatibleEmbeddingModel model(String name, int dimension) {
    int limit = OpenAiCompatibleEmbeddingModel.OPENAI_MAX_INPUT_TOKENS;
    return new OpenAiCompatibleEmbeddingModel(TestConfigs.openAi(server, name), dimension, limit);
  }
}
