package io.augment.bootstrap.auth;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The default mode (augment.auth.enabled=false): no key needed, any key sent ignored, one implicit tenant. */
@QuarkusTest
@Tag("shared-app")
class AuthOffTest {

  @Test
  void callsWorkWithoutAKeyAndAKeyAnOpenAiSdkSendsIsIgnored() {
    String kb = "off-" + UUID.randomUUID().toString().substring(0, 8);
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post("/api/v1/knowledge-bases").then().statusCode(201);
    given().header("Authorization", "Bearer sk-anything").get("/api/v1/knowledge-bases").then().statusCode(200)
        .body("name", hasItem(kb));
    given().header("Authorization", "Bearer sk-anything").contentType(ContentType.JSON)
        .body(Map.of("model", "extractive", "messages", List.of(Map.of("role", "user", "content", "hi"))))
        .post("/v1/chat/completions").then().statusCode(200);
  }

  @Test
  void writesAreAuditedAsTheImplicitCaller() throws InterruptedException {
    String kb = "off-audit-" + UUID.randomUUID().toString().substring(0, 8);
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post("/api/v1/knowledge-bases").then().statusCode(201);
    given().delete("/api/v1/knowledge-bases/" + kb).then().statusCode(204);
    List<Map<String, Object>> entries = AuditPages.await(RestAssured::given, "/api/v1/knowledge-bases/" + kb);
    assertThat(entries).singleElement().satisfies(e -> assertThat(e).containsEntry("keyPrefix", "implicit")
        .containsEntry("tenant", "default").containsEntry("action", "DELETE").containsEntry("outcome", 204));
  }
}
