package io.augment.bootstrap.evaluation;

import static io.augment.bootstrap.evaluation.EvaluationApi.RUNS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.augment.bootstrap.swap.MemorySwapTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Evaluations on the in-memory stores with the local engine switched off. */
@QuarkusTest
@TestProfile(MemorySwapTest.Memory.class)
@Tag("shared-memory")
class EvaluationWithoutEngineTest {
  @Test
  void runsRagAndRefusesATrainedModelContenderNamingItWhileTheEngineIsOff() {
    String kb = EvaluationApi.knowledgeBase();
    String set = EvaluationApi.set(EvaluationApi.jsonl(1));
    List<String> runsBefore = given().get(RUNS).then().extract().jsonPath().getList("id");
    given().contentType(ContentType.JSON).body(Map.of("evaluationSet", set, "contenders", List.of("rag:" + kb, "adapter:mine")))
        .post(RUNS).then().statusCode(400).body("field", equalTo("contenders[1]"))
        .body("detail", containsString("augment.engine.enabled=false"));
    given().contentType(ContentType.JSON).body(Map.of("evaluationSet", set, "contenders", List.of("rag:" + kb + "+adapter:mine")))
        .post(RUNS).then().statusCode(400).body("field", equalTo("contenders[0]"));
    assertThat(given().get(RUNS).then().extract().jsonPath().<String>getList("id")).isEqualTo(runsBefore);

    String id = EvaluationApi.start(set, List.of("rag:" + kb));
    assertThat(EvaluationApi.finished(id).getString("status")).isEqualTo("succeeded");
    given().get(RUNS + "/" + id + "/report.html").then().statusCode(200).body(containsString("rag:" + kb));
  }
}
