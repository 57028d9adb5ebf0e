package io.augment.bootstrap.auth;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys on REST and /v1: who gets in, with which answer, and what stays open. */
@QuarkusTest
@Tag("shared-auth")
@TestProfile(AuthOn.class)
class RestAuthenticationTest {
  private static final String KBS = "/api/v1/knowledge-bases";

  @BeforeEach
  void operator() {
    Keys.operator();
  }

  @Test
  void aRequestWithoutAKeyGets401WithAProblemAndWwwAuthenticate() {
    given().get(KBS).then().statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType("application/problem+json")
        .body("status", equalTo(401)).body("detail", notNullValue());
  }

  @Test
  void aMalformedOrUnknownKeyGets401() {
    Keys.as("not-a-key").get(KBS).then().statusCode(401).header("WWW-Authenticate", "Bearer");
    Keys.as("aug_ffffffffffffffff_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get(KBS).then().statusCode(401);
    given().header("Authorization", "Basic " + AuthOn.ADMIN_KEY).get(KBS).then().statusCode(401);
  }

  @Test
  void v1AnswersAMissingKeyInOpenAisShape() {
    given().get("/v1/models").then().statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .body("error.type", equalTo("invalid_request_error"))
        .body("error.code", equalTo("invalid_api_key"))
        .body("error.message", notNullValue());
    Keys.as("sk-wrong").contentType(ContentType.JSON)
        .body(Map.of("model", "extractive", "messages", java.util.List.of(Map.of("role", "user", "content", "hi"))))
        .post("/v1/chat/completions").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
  }

  @Test
  void theKeyWorksAsBearerAndAsXApiKeyOnBothApis() {
    Keys.asAdmin().get(KBS).then().statusCode(200);
    given().header("X-API-Key", AuthOn.ADMIN_KEY).get(KBS).then().statusCode(200);
    Keys.asAdmin().get("/v1/models").then().statusCode(200).body("object", equalTo("list"));
  }

  @Test
  void healthIsOpenMetricsNeedAKeyAsConfiguredAndOpenApiIsOpen() {
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(401);
    Keys.asAdmin().get("/q/metrics").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void aReadKeyQueriesAndListsButCannotIngestOrDelete() {
    String kb = knowledgeBase();
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("id", "tides", "text", "Tides follow the Moon."))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
    String read = Keys.of("read");

    Keys.as(read).get(KBS).then().statusCode(200).body("name", hasItem(kb));
    Keys.as(read).contentType(ContentType.JSON).body(Map.of("query", "moon"))
        .post(KBS + "/" + kb + "/search").then().statusCode(200);
    Keys.as(read).contentType(ContentType.JSON).body(Map.of("question", "What do tides follow?"))
        .post(KBS + "/" + kb + "/query").then().statusCode(200);

    Keys.as(read).contentType(ContentType.JSON).body(Map.of("id", "x", "text", "more"))
        .post(KBS + "/" + kb + "/documents").then().statusCode(403).body("status", equalTo(403));
    Keys.as(read).delete(KBS + "/" + kb + "/documents/tides").then().statusCode(403);
    Keys.as(read).delete(KBS + "/" + kb).then().statusCode(403);
    Keys.asAdmin().get(KBS + "/" + kb + "/documents/tides").then().statusCode(200);
  }

  @Test
  void aReadKeyChatsOnV1ButAWriteKeyCannotUseTheAdminApi() {
    String read = Keys.of("read");
    Keys.as(read).contentType(ContentType.JSON)
        .body(Map.of("model", "extractive", "messages", java.util.List.of(Map.of("role", "user", "content", "hi"))))
        .post("/v1/chat/completions").then().statusCode(200);

    String write = Keys.of("write");
    Keys.as(write).get("/api/v1/admin/tenants").then().statusCode(403);
    Keys.as(write).contentType(ContentType.JSON).body(Map.of("name", "sneaky", "scope", "admin"))
        .post("/api/v1/admin/tenants/default/keys").then().statusCode(403);
    Keys.as(write).get("/api/v1/admin/audit").then().statusCode(403);
    knowledgeBase(write);
  }

  @Test
  void aCreatedKeyWorksAtOnceAndARevokedOneStopsAtOnce() {
    Map<String, Object> created = Keys.create("default", "write", null);
    String key = (String) created.get("key");
    Keys.as(key).get(KBS).then().statusCode(200);

    Keys.asAdmin().delete("/api/v1/admin/tenants/default/keys/" + created.get("id")).then().statusCode(200)
        .body("id", equalTo(created.get("id"))).body("revokedAt", notNullValue());
    Keys.as(key).get(KBS).then().statusCode(401);
    Keys.as(key).get("/v1/models").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
  }

  @Test
  void anExpiredKeyGets401() throws InterruptedException {
    String key = (String) Keys.create("default", "read", Instant.now().plusSeconds(2).toString()).get("key");
    Keys.as(key).get(KBS).then().statusCode(200);
    Thread.sleep(2_500);
    Keys.as(key).get(KBS).then().statusCode(401);
  }

  @Test
  void theKeyListShowsPrefixAndMetadataButNeverTheKeyOrItsHash() {
    Map<String, Object> created = Keys.create("default", "read", null);
    String secret = (String) created.get("key");
    assertThat(secret).startsWith("aug_" + created.get("id") + "_");
    assertThat(created.get("prefix")).isEqualTo("aug_" + created.get("id"));

    String list = Keys.asAdmin().get("/api/v1/admin/tenants/default/keys").then().statusCode(200)
        .body("id", hasItem(created.get("id"))).extract().asString();
    assertThat(list).doesNotContain(secret).doesNotContain(secret.substring(secret.lastIndexOf('_') + 1))
        .doesNotContain("hash").doesNotContain("\"key\"");
    assertThat(list).doesNotContain(AuthOn.ADMIN_KEY.substring(21));
  }

  @Test
  void adminInputIsCheckedNamingTheField() {
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "scope", "owner"))
        .post("/api/v1/admin/tenants/default/keys").then().statusCode(400).body("field", equalTo("scope"));
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "scope", "read", "expiresAt", "tomorrow"))
        .post("/api/v1/admin/tenants/default/keys").then().statusCode(400).body("field", equalTo("expiresAt"));
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "scope", "read", "expiresAt", "2001-01-01T00:00:00Z"))
        .post("/api/v1/admin/tenants/default/keys").then().statusCode(400).body("field", equalTo("expiresAt"));
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("id", "Bad_Id"))
        .post("/api/v1/admin/tenants").then().statusCode(400).body("field", equalTo("id"));
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("id", "q-" + suffix(), "quotas", Map.of("maxConcurrentJobs", -1)))
        .post("/api/v1/admin/tenants").then().statusCode(400).body("field", equalTo("quotas.maxConcurrentJobs"));
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("requestsPerSecond", 0))
        .put("/api/v1/admin/tenants/default/quotas").then().statusCode(400).body("field", equalTo("requestsPerSecond"));
    Keys.asAdmin().get("/api/v1/admin/audit?limit=0").then().statusCode(400).body("field", equalTo("limit"));
    Keys.asAdmin().get("/api/v1/admin/audit?after=x").then().statusCode(400).body("field", equalTo("after"));
  }

  @Test
  void theOperatorCreatesListsAndDeletesTenants() {
    String id = "team-" + suffix();
    Keys.asAdmin().contentType(ContentType.JSON)
        .body(Map.of("id", id, "displayName", "Team", "quotas", Map.of("maxDocuments", 10)))
        .post("/api/v1/admin/tenants").then().statusCode(201)
        .body("id", equalTo(id)).body("quotas.maxDocuments", equalTo(10));
    Keys.asAdmin().get("/api/v1/admin/tenants").then().statusCode(200).body("id", hasItem(id));
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("maxConcurrentJobs", 2))
        .put("/api/v1/admin/tenants/" + id + "/quotas").then().statusCode(200)
        .body("quotas.maxConcurrentJobs", equalTo(2));
    String key = (String) Keys.create(id, "admin", null).get("key");
    Keys.as(key).get("/api/v1/admin/tenants").then().statusCode(403); // not the operator

    Keys.asAdmin().delete("/api/v1/admin/tenants/" + id).then().statusCode(204);
    Keys.asAdmin().get("/api/v1/admin/tenants/" + id).then().statusCode(404);
    Keys.as(key).get(KBS).then().statusCode(401);
  }

  @Test
  void theRateQuotaAnswers429WithRetryAfter() {
    String id = "slow-" + suffix();
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("id", id, "quotas", Map.of("requestsPerSecond", 0.2)))
        .post("/api/v1/admin/tenants").then().statusCode(201);
    String key = (String) Keys.create(id, "read", null).get("key");
    Keys.as(key).get(KBS); // takes the one request the bucket holds
    Response refused = Keys.as(key).get(KBS);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    Keys.as(key).get("/v1/models").then().statusCode(429).header("Retry-After", notNullValue())
        .body("error.code", equalTo("rate_limit_exceeded"));
  }

  @Test
  void theJobsAndDocumentsQuotasAnswer429() {
    String kb = knowledgeBase();
    try {
      quotas(Map.of("maxConcurrentJobs", 0));
      Keys.asAdmin().contentType(ContentType.JSON)
          .body(Map.of("documents", java.util.List.of(Map.of("id", "a", "text", "alpha"))))
          .post(KBS + "/" + kb + "/ingest-jobs").then().statusCode(429).header("Retry-After", notNullValue());
      Keys.asAdmin().contentType(ContentType.JSON).body(Map.of())
          .post(KBS + "/" + kb + "/summary/jobs").then().statusCode(429);

      quotas(Map.of("maxDocuments", 0));
      Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("id", "b", "text", "beta"))
          .post(KBS + "/" + kb + "/documents").then().statusCode(429).header("Retry-After", notNullValue());
      Keys.asAdmin().get(KBS + "/" + kb).then().statusCode(200).body("documents", equalTo(0));
    } finally {
      quotas(Map.of());
    }
    Keys.asAdmin().contentType(ContentType.JSON).body(Map.of("id", "b", "text", "beta"))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
  }

  @Test
  void theAuditShowsWritesAndRefusalsWithTheKeyPrefixButNotReads() throws InterruptedException {
    Map<String, Object> reader = Keys.create("default", "read", null);
    Map<String, Object> writer = Keys.create("default", "write", null);
    String kb = knowledgeBase();
    Keys.as((String) writer.get("key")).contentType(ContentType.JSON).body(Map.of("id", "a", "text", "alpha"))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
    Keys.as((String) reader.get("key")).get(KBS + "/" + kb).then().statusCode(200);
    Keys.as((String) reader.get("key")).delete(KBS + "/" + kb).then().statusCode(403);

    List<Map<String, Object>> ingest = AuditPages.await(Keys::asAdmin, KBS + "/" + kb + "/documents");
    assertThat(ingest).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("keyPrefix", writer.get("prefix")).containsEntry("tenant", "default")
          .containsEntry("protocol", "rest").containsEntry("action", "POST").containsEntry("outcome", 201);
    });
    List<Map<String, Object>> onKb = AuditPages.await(Keys::asAdmin, KBS + "/" + kb);
    assertThat(onKb).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("keyPrefix", reader.get("prefix")).containsEntry("action", "DELETE")
          .containsEntry("outcome", 403);
    });
  }

  @Test
  void readsOnV1AreNotAudited() throws InterruptedException {
    String read = Keys.of("read");
    Keys.as(read).get("/v1/models").then().statusCode(200);
    Thread.sleep(300);
    assertThat(AuditPages.find(Keys::asAdmin, "/v1/models")).isEmpty();
  }

  private static void quotas(Map<String, Object> quotas) {
    Keys.asAdmin().contentType(ContentType.JSON).body(quotas).put("/api/v1/admin/tenants/default/quotas")
        .then().statusCode(200);
  }

  private static String knowledgeBase() {
    return knowledgeBase(AuthOn.ADMIN_KEY);
  }

  private static String knowledgeBase(String key) {
    String name = "kb-" + suffix();
    Keys.as(key).contentType(ContentType.JSON).body(Map.of("name", name)).post(KBS).then().statusCode(201);
    return name;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
