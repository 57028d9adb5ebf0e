package io.augment.bootstrap.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Seeding and assertions shared by the validation tests. */
final class Api {
  static final String KBS = "/api/v1/knowledge-bases";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Api() {}

  /** A new knowledge base holding one document about tides; returns its name. */
  static String seeded() {
    String kb = "val-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    given().contentType(ContentType.JSON).body(Map.of("id", "tides", "title", "Tides",
            "text", "Tides are caused mainly by the gravitational pull of the Moon on the oceans."))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
    return kb;
  }

  static ValidatableResponse post(String path, Object body) {
    return given().contentType(ContentType.JSON).body(body).post(path).then();
  }

  /** A 400 problem naming {@code field} (null: none), in plain words (no Java type names). */
  static ValidatableResponse badRequest(ValidatableResponse response, String field) {
    return response.statusCode(400).contentType("application/problem+json")
        .body("field", field == null ? nullValue() : equalTo(field))
        .body("detail", not(containsString("java."))).body("detail", not(containsString("`")));
  }
}
