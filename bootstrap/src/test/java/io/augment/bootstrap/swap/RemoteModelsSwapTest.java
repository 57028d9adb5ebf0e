package io.augment.bootstrap.swap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.augment.bootstrap.TestPorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both models remote: embeddings from {@code OpenAiCompatibleEmbeddingModel} and answers from
 * {@code OpenAiCompatibleGenerator}, each pointed at this application's own {@code /v1} (which serves
 * the in-process all-MiniLM-L6-v2 and the extractive generator). New knowledge bases record the
 * remote model; the in-process one stays available for knowledge bases that name it.
 */
@QuarkusTest
@TestProfile(RemoteModelsSwapTest.Remote.class)
class RemoteModelsSwapTest extends SwapScenario {
  private static final String KBS = "/api/v1/knowledge-bases";

  public static class Remote implements QuarkusTestProfile {
    private static final int PORT = TestPorts.free();

    @Override
    public Map<String, String> getConfigOverrides() {
      String v1 = "http://127.0.0.1:" + PORT + "/v1";
      return Map.of(
          "quarkus.http.test-port", String.valueOf(PORT),
          "augment.generation.provider", "openai",
          "augment.generation.openai.base-url", v1,
          "augment.generation.openai.model", "extractive",
          "augment.embedding.provider", "openai",
          "augment.embedding.openai.base-url", v1,
          "augment.embedding.openai.model", "all-minilm-l6-v2",
          "augment.embedding.openai.dimension", "384",
          "augment.embedding.openai.max-input-tokens", "256");
    }
  }

  @Override
  protected String expectedGenerator() {
    return "openai:extractive";
  }

  @Test
  void newKnowledgeBasesUseTheRemoteModelWhichGivesTheSameRankingAsInProcess() {
    String remote = "remote-" + System.nanoTime();
    String local = "local-" + System.nanoTime();
    given().contentType(ContentType.JSON).body(Map.of("name", remote)).post(KBS).then().statusCode(201)
        .body("embeddingModel", equalTo("openai:all-minilm-l6-v2")).body("dimension", equalTo(384));
    given().contentType(ContentType.JSON).body(Map.of("name", local, "embeddingModel", "all-minilm-l6-v2"))
        .post(KBS).then().statusCode(201).body("embeddingModel", equalTo("all-minilm-l6-v2"));
    for (String kb : List.of(remote, local)) {
      for (String[] doc : List.of(
          new String[] {"tides", "Tides rise and fall twice a day because of the Moon's gravity."},
          new String[] {"volcano", "Volcanoes erupt when magma reaches the surface."},
          new String[] {"bread", "Bread dough rises because yeast produces carbon dioxide."})) {
        given().contentType(ContentType.JSON).body(Map.of("id", doc[0], "text", doc[1]))
            .post(KBS + "/" + kb + "/documents").then().statusCode(201);
      }
    }
    List<Float> remoteScores = scores(remote);
    List<Float> localScores = scores(local);
    assertThat(ids(remote)).hasSize(3).startsWith("tides").isEqualTo(ids(local));
    for (int i = 0; i < remoteScores.size(); i++) {
      assertThat(remoteScores.get(i)).isCloseTo(localScores.get(i), within(1e-4f));
    }
  }

  private static List<String> ids(String kb) {
    return search(kb).getList("hits.documentId", String.class);
  }

  private static List<Float> scores(String kb) {
    return search(kb).getList("hits.score", Float.class);
  }

  private static io.restassured.path.json.JsonPath search(String kb) {
    return given().contentType(ContentType.JSON).body(Map.of("query", "why is there a high tide", "topK", 3, "mode", "dense"))
        .post(KBS + "/" + kb + "/search").then().statusCode(200).extract().jsonPath();
  }
}
