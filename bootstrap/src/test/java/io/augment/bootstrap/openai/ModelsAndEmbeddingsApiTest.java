package io.augment.bootstrap.openai;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("shared-app")
class ModelsAndEmbeddingsApiTest {
  private static final String EMBEDDINGS = "/v1/embeddings";
  private String kb;

  @BeforeEach
  void seed() {
    kb = KnowledgeBases.shared();
  }

  @Test
  void listsTheBaseModelEachKnowledgeBaseAndTheEmbeddingModel() {
    given().get("/v1/models").then().statusCode(200).body("object", equalTo("list"))
        .body("data.id", hasItems(KnowledgeBases.BASE_MODEL, "rag:" + kb, KnowledgeBases.EMBEDDING_MODEL))
        .body("data.object", everyItem(equalTo("model"))).body("data.owned_by", everyItem(equalTo("augment")))
        .body("data.created", everyItem(greaterThan(0)));
    given().get("/v1/models/rag:" + kb).then().statusCode(200).body("id", equalTo("rag:" + kb)).body("object", equalTo("model"));
    given().get("/v1/models/" + KnowledgeBases.EMBEDDING_MODEL).then().statusCode(200);
  }

  private static ValidatableResponse embed(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).post(EMBEDDINGS).then();
  }

  @Test
  void embedsAStringOrAnArrayInOrder() {
    embed(Map.of("model", KnowledgeBases.EMBEDDING_MODEL, "input", "the Moon pulls the oceans")).statusCode(200)
        .body("object", equalTo("list")).body("model", equalTo(KnowledgeBases.EMBEDDING_MODEL))
        .body("data", hasSize(1)).body("data[0].object", equalTo("embedding")).body("data[0].index", equalTo(0))
        .body("data[0].embedding", hasSize(384))
        .body("usage.prompt_tokens", greaterThan(0)).body("usage.total_tokens", greaterThan(0));
    embed(Map.of("input", List.of("tides", "bread", "yeast"))).statusCode(200)
        .body("data.index", equalTo(List.of(0, 1, 2))).body("model", equalTo(KnowledgeBases.EMBEDDING_MODEL));
  }

  @Test
  void base64EncodingCarriesTheSameLittleEndianFloats() {
    List<Float> floats = embed(Map.of("input", "sourdough starter")).statusCode(200).extract().path("data[0].embedding");
    String base64 = embed(Map.of("input", "sourdough starter", "encoding_format", "base64")).statusCode(200)
        .extract().path("data[0].embedding");
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(bytes.remaining()).isEqualTo(384 * Float.BYTES);
    for (Float expected : floats) {
      assertThat(bytes.getFloat()).isEqualTo(expected);
    }
  }

  @Test
  void refusesWhatItCannotEmbedInOpenAiShape() {
    embed(Map.of("model", "text-embedding-3-small", "input", "x")).statusCode(404)
        .body("error.code", equalTo("model_not_found")).body("error.param", equalTo("model"));
    embed(Map.of("input", "")).statusCode(400).body("error.param", equalTo("input"));
    embed(Map.of("input", List.of())).statusCode(400).body("error.param", equalTo("input"));
    embed(Map.of("input", List.of(1, 2, 3))).statusCode(400).body("error.param", equalTo("input"));
    embed(Map.of("input", "x", "encoding_format", "int8")).statusCode(400).body("error.param", equalTo("encoding_format"));
    embed(Map.of("input", "x", "dimensions", 1536)).statusCode(400).body("error.param", equalTo("dimensions"));
    embed(Map.of("input", "word ".repeat(400))).statusCode(400).body("error.param", equalTo("input"))
        .body("error.code", equalTo("context_length_exceeded"));
  }
}
