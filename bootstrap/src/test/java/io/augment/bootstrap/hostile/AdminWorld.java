package io.augment.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * The tenants and keys the admin battery aims at: a victim tenant with quotas, an active and a
 * revoked key, and another tenant with a key of its own. Ids are fresh per run.
 *
 * @param operatorKeyId the id of the operator's configured admin key (revoking it would lock the operator out)
 */
record AdminWorld(String victim, String other, String victimKeyId, String victimRevokedKeyId, String otherKeyId,
    String operatorKeyId) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String QUOTAS = "{\"maxDocuments\": 50, \"maxConcurrentJobs\": 2, \"requestsPerSecond\": 500}";

  static AdminWorld plant(Http operator, String operatorKey) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String victim = "hv-victim-" + suffix;
    String other = "hv-other-" + suffix;
    created(operator.json("POST", "/api/v1/admin/tenants",
        "{\"id\": \"" + victim + "\", \"displayName\": \"Victim\", \"quotas\": " + QUOTAS + "}"));
    created(operator.json("POST", "/api/v1/admin/tenants", "{\"id\": \"" + other + "\"}"));
    String active = key(operator, victim, "read");
    String revoked = key(operator, victim, "write");
    Http.Reply revoke = operator.delete("/api/v1/admin/tenants/" + victim + "/keys/" + revoked);
    assertThat(revoke.status()).as("revoking: %s", revoke.summary()).isEqualTo(200);
    String otherKey = key(operator, other, "admin");
    return new AdminWorld(victim, other, active, revoked, otherKey, operatorKey.split("_")[1]);
  }

  /** The tenants whose keys each case compares. */
  List<String> watched() {
    return List.of("default", victim, other);
  }

  private static String key(Http operator, String tenant, String scope) {
    return created(operator.json("POST", "/api/v1/admin/tenants/" + tenant + "/keys",
        "{\"name\": \"battery " + scope + "\", \"scope\": \"" + scope + "\"}")).path("id").asText();
  }

  private static JsonNode created(Http.Reply reply) {
    assertThat(reply.status()).as("seeding: %s", reply.summary()).isEqualTo(201);
    try {
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
