package io.augment.bootstrap.tenancy;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Tenants and keys made over the admin API, for tests with authentication on. */
final class Tenants {
  static final String ADMIN = "/api/v1/admin/tenants";

  private Tenants() {}

  static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key);
  }

  /** A new tenant with a unique id starting with {@code prefix}. */
  static String create(String prefix, Map<String, Object> quotas) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    as(AuthOnProfile.ADMIN_KEY).contentType(ContentType.JSON)
        .body(quotas == null ? Map.of("id", id) : Map.of("id", id, "quotas", quotas))
        .post(ADMIN).then().statusCode(201);
    return id;
  }

  /** A new key of the tenant; its text. */
  static String key(String tenant, String scope) {
    return as(AuthOnProfile.ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("name", scope + " key", "scope", scope))
        .post(ADMIN + "/" + tenant + "/keys").then().statusCode(201).extract().path("key");
  }
}
