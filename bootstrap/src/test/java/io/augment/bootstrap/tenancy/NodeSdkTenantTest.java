package io.augment.bootstrap.tenancy;

import static io.augment.bootstrap.tenancy.Tenants.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Node SDK with a tenant's key as its {@code apiKey}: that tenant's
 * {@code rag:<kb>} answers; another tenant's key does not find it; a revoked or made-up key gets 401.
 * Skips with a message when Node or the SDK is missing ({@code npm ci --prefix bootstrap/src/test/node}).
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class NodeSdkTenantTest {
  static final Path SCRIPT_DIR = Path.of("src/test/node");
  static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/v1")
  URL v1;

  @BeforeEach
  void nodeAndTheSdkAreInstalled() {
    Assumptions.assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/openai")),
        "the OpenAI Node SDK is not installed: run npm ci --prefix bootstrap/src/test/node (CI does)");
    Assumptions.assumeTrue(nodeAvailable(), "node is not on the PATH");
  }

  @Test
  void aTenantsKeyAsApiKeyGetsThatTenantsRagAnswerAndOtherKeysDoNot() throws Exception {
    String tenant = Tenants.create("sdk", null);
    String other = Tenants.create("sdk-other", null);
    String key = Tenants.key(tenant, "read");
    String writer = Tenants.key(tenant, "write");
    String otherKey = Tenants.key(other, "write");
    as(writer).contentType(ContentType.JSON).body(Map.of("name", "manual")).post("/api/v1/knowledge-bases").then()
        .statusCode(201);
    as(writer).contentType(ContentType.JSON)
        .body(Map.of("id", "wifi", "text", "The guest wifi password of the office is heron-42."))
        .post("/api/v1/knowledge-bases/manual/documents").then().statusCode(201);

    JsonNode answer = chat(key, "rag:manual", "What is the guest wifi password?");
    assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
    assertThat(answer.path("content").asText()).contains("heron-42");

    JsonNode foreign = chat(otherKey, "rag:manual", "What is the guest wifi password?");
    assertThat(foreign.path("status").asInt()).as(foreign.toString()).isEqualTo(404);
    assertThat(foreign.toString()).doesNotContain("heron-42");

    JsonNode madeUp = chat("aug_" + "f".repeat(16) + "_" + "B".repeat(43), "rag:manual", "What is the password?");
    assertThat(madeUp.path("status").asInt()).as(madeUp.toString()).isEqualTo(401);

    String keyId = key.substring(4, 20);
    as(AuthOnProfile.ADMIN_KEY).delete(Tenants.ADMIN + "/" + tenant + "/keys/" + keyId).then().statusCode(200);
    JsonNode revoked = chat(key, "rag:manual", "What is the guest wifi password?");
    assertThat(revoked.path("status").asInt()).as(revoked.toString()).isEqualTo(401);
  }

  private JsonNode chat(String apiKey, String model, String question) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("node", "chat.mjs").directory(SCRIPT_DIR.toFile()).redirectErrorStream(true);
    pb.environment().put("AUGMENT_BASE_URL", v1.toString());
    pb.environment().put("AUGMENT_API_KEY", apiKey);
    pb.environment().put("AUGMENT_MODEL", model);
    pb.environment().put("AUGMENT_QUESTION", question);
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the Node SDK call did not finish in 60 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String last = out.substring(out.lastIndexOf('\n') + 1);
    return JSON.readTree(last);
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
