package io.augment.bootstrap.auth;

import static io.restassured.RestAssured.given;

import io.augment.application.tenant.ManageTenants;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.spi.CDI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** API keys for the tests, made through the admin API with the operator's key. */
final class Keys {
  private Keys() {}

  /**
   * Makes sure the operator's tenant and configured admin key exist (start-up does this once the
   * bootstrap installs {@code augment.auth.admin-key}; installing again is a no-op).
   */
  static void operator() {
    ManageTenants tenants = CDI.current().select(ManageTenants.class).get();
    tenants.ensureDefault();
    tenants.installKey(TenantId.DEFAULT, AuthOn.ADMIN_KEY, "configured admin key", Scope.ADMIN);
  }

  static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key);
  }

  static RequestSpecification asAdmin() {
    return as(AuthOn.ADMIN_KEY);
  }

  /** A new key of {@code tenant} with {@code scope}; answers the created key's JSON fields. */
  static Map<String, Object> create(String tenant, String scope, String expiresAt) {
    Map<String, Object> body = new HashMap<>(Map.of("name", "test " + UUID.randomUUID(), "scope", scope));
    if (expiresAt != null) {
      body.put("expiresAt", expiresAt);
    }
    return asAdmin().contentType(ContentType.JSON).body(body)
        .post("/api/v1/admin/tenants/" + tenant + "/keys")
        .then().statusCode(201).extract().jsonPath().getMap("");
  }

  /** The text of a new key of the operator's tenant with {@code scope}. */
  static String of(String scope) {
    return (String) create("default", scope, null).get("key");
  }
}
