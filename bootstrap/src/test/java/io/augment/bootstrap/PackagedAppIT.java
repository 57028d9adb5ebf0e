package io.augment.bootstrap;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar, prod profile, embedded defaults: becomes ready and answers with citations. */
@QuarkusIntegrationTest
class PackagedAppIT {

  @Test
  void packagedAppBecomesReadyAndAnswersWithCitations() {
    await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    String kb = "it-" + System.nanoTime();
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post("/api/v1/knowledge-bases").then().statusCode(201);
    given().header("X-Augment-Request", "1").multiPart("file", "lighthouses.md",
            "# Lighthouses\n\nThe Fresnel lens lets a small lamp be seen more than twenty nautical miles away.".getBytes(),
            "text/markdown")
        .post("/api/v1/knowledge-bases/" + kb + "/documents").then().statusCode(201);
    given().contentType(ContentType.JSON).body(Map.of("question", "How far can a lighthouse lamp be seen?"))
        .post("/api/v1/knowledge-bases/" + kb + "/query").then().statusCode(200)
        .body("text", containsString("twenty nautical miles")).body("citations[0].documentId", equalTo("lighthouses"));
    given().get("/q/health/live").then().statusCode(200);
  }
}
