package io.augment.bootstrap.swap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MemorySwapTest.Memory.class)
@Tag("shared-memory")
public class MemorySwapTest extends SwapScenario {
  public static class Memory implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("augment.vector-store", "memory", "augment.metadata-store", "memory",
          "augment.engine.enabled", "false");
    }
  }

  @Override
  protected String expectedGenerator() {
    return "extractive";
  }

  /** This profile also switches the local engine off: fine-tuning says so (501), there are no trained models. */
  @Test
  void withTheEngineOffFineTuningAnswers501AndNoAdaptersAreServed() {
    given().contentType(ContentType.JSON).body(Map.of("name", "m", "method", "full", "texts", List.of("some text")))
        .post("/api/v1/fine-tunes").then().statusCode(501).contentType("application/problem+json")
        .body("detail", containsString("augment.engine.enabled=false"));
    given().get("/api/v1/fine-tunes").then().statusCode(200).body("size()", equalTo(0));
    given().get("/api/v1/adapters").then().statusCode(200).body("size()", equalTo(0));
    given().delete("/api/v1/adapters/x").then().statusCode(404);
    given().get("/v1/models").then().statusCode(200).body("data.id", not(hasItem(startsWith("adapter:"))));
    given().contentType(ContentType.JSON)
        .body(Map.of("model", "adapter:x", "messages", List.of(Map.of("role", "user", "content", "hi"))))
        .post("/v1/chat/completions").then().statusCode(404).body("error.code", equalTo("model_not_found"));
  }
}
