package io.augment.bootstrap.tenancy;

import static io.augment.bootstrap.tenancy.Tenants.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.adapter.in.grpc.v1.DeleteKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.EvaluationsGrpc;
import io.augment.adapter.in.grpc.v1.GetDocumentRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationRunRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.GetIngestJobRequest;
import io.augment.adapter.in.grpc.v1.GetKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.IngestJobsGrpc;
import io.augment.adapter.in.grpc.v1.KnowledgeBase;
import io.augment.adapter.in.grpc.v1.KnowledgeBasesGrpc;
import io.augment.adapter.in.grpc.v1.ListEvaluationRunsRequest;
import io.augment.adapter.in.grpc.v1.ListKnowledgeBasesRequest;
import io.augment.adapter.in.grpc.v1.QueryRequest;
import io.augment.adapter.in.grpc.v1.RetrievalGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Tenant B holds a valid write key and knows every name and id of tenant A's resources; over REST,
 * {@code /v1} and gRPC it can list, read, search, query, chat with, train on, evaluate, cancel and
 * delete none of them (always 404, never 403), and A's data is intact afterwards; the official
 * OpenAI Node SDK sees the same.
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class HostileTenantTest {
  static final String KBS = "/api/v1/knowledge-bases";
  static final String FACT = "The vault code of tenant A is 7341 and the office door is painted red.";
  static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");

  static final Path SCRIPT_DIR = Path.of("src/test/node");
  static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URL server;

  @TestHTTPResource("/v1")
  URL v1;

  // Seeded once for the class: every test only reads tenant A's data or fails to change it.
  static String tenantA;
  static String tenantB;
  static String keyA;
  static String keyB;
  static String kb;
  static String set;
  static String ingestJob;
  static String summaryJob;
  static String run;
  ManagedChannel channel;

  @BeforeEach
  void tenantAHasDataAndTenantBKnowsItsNames() {
    channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    if (tenantA != null) {
      return;
    }
    tenantA = Tenants.create("alpha", null);
    tenantB = Tenants.create("beta", null);
    keyA = Tenants.key(tenantA, "write");
    keyB = Tenants.key(tenantB, "write");
    kb = "secret";
    set = "exam";
    as(keyA).contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    as(keyA).contentType(ContentType.JSON).body(Map.of("id", "handbook", "title", "Handbook", "text", FACT))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
    ingestJob = as(keyA).contentType(ContentType.JSON)
        .body(Map.of("documents", List.of(Map.of("id", "memo", "text", "A memo of tenant A about the red door."))))
        .post(KBS + "/" + kb + "/ingest-jobs").then().statusCode(202).extract().path("id");
    await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(
        as(keyA).get("/api/v1/ingest-jobs/" + ingestJob).path("status")));
    summaryJob = as(keyA).contentType(ContentType.JSON).body(Map.of()).post(KBS + "/" + kb + "/summary/jobs").then()
        .statusCode(202).extract().path("id");
    String jsonl = "{\"question\":\"What is the vault code?\",\"answers\":[\"7341\"],\"documentIds\":[\"handbook\"]}\n";
    as(keyA).contentType(ContentType.JSON).body(Map.of("name", set, "jsonl", jsonl)).post("/api/v1/evaluation-sets")
        .then().statusCode(201);
    run = as(keyA).contentType(ContentType.JSON)
        .body(Map.of("evaluationSet", set, "contenders", List.of("rag:" + kb + "@extractive")))
        .post("/api/v1/evaluations").then().statusCode(202).extract().path("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> FINISHED.contains(
        as(keyA).get("/api/v1/evaluations/" + run).<String>path("status")));
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void overRestTenantBFindsNothingOfTenantAsEvenByNameAndId() {
    String k = KBS + "/" + kb;
    as(keyB).get(KBS).then().statusCode(200).body("name", not(hasItem(kb)));
    for (String path : List.of(k, k + "/documents", k + "/documents/handbook", k + "/documents/handbook/chunks",
        "/api/v1/ingest-jobs/" + ingestJob, "/api/v1/summary-jobs/" + summaryJob, "/api/v1/evaluation-sets/" + set,
        "/api/v1/evaluations/" + run, "/api/v1/evaluations/" + run + "/results",
        "/api/v1/evaluations/" + run + "/report.json", "/api/v1/evaluations/" + run + "/report.md",
        "/api/v1/evaluations/" + run + "/report.html")) {
      as(keyB).get(path).then().statusCode(404);
    }
    for (String path : List.of(k + "/search", k + "/query", k + "/query/stream", k + "/compare", k + "/summary",
        k + "/summary/jobs")) {
      as(keyB).contentType(ContentType.JSON).body(Map.of("query", "vault code", "question", "What is the vault code?"))
          .post(path).then().statusCode(404);
    }
    as(keyB).contentType(ContentType.JSON).body(Map.of("documents", List.of(Map.of("id", "x", "text", "planted"))))
        .post(k + "/ingest-jobs").then().statusCode(404);
    as(keyB).contentType(ContentType.JSON).body(Map.of("id", "handbook", "text", "overwritten by B"))
        .post(k + "/documents").then().statusCode(404);
    as(keyB).contentType(ContentType.JSON).body(Map.of("evaluationSet", set, "contenders", List.of("rag:" + kb)))
        .post("/api/v1/evaluations").then().statusCode(404);
    as(keyB).contentType(ContentType.JSON)
        .body(Map.of("name", "stolen", "baseModel", "scratch", "method", "full", "knowledgeBase", kb))
        .post("/api/v1/fine-tunes").then().statusCode(404);
    as(keyB).header("X-Augment-Request", "1").post("/api/v1/evaluations/" + run + "/cancel").then().statusCode(404);
    for (String path : List.of(k + "/documents/handbook", k, "/api/v1/ingest-jobs/" + ingestJob,
        "/api/v1/summary-jobs/" + summaryJob, "/api/v1/evaluation-sets/" + set, "/api/v1/evaluations/" + run)) {
      as(keyB).delete(path).then().statusCode(404);
    }
    as(keyB).get("/api/v1/ingest-jobs").then().statusCode(200).body("id", not(hasItem(ingestJob)));
    as(keyB).get("/api/v1/evaluations").then().statusCode(200).body("id", not(hasItem(run)));
    as(keyB).get("/api/v1/evaluation-sets").then().statusCode(200).body("name", not(hasItem(set)));
    assertTenantAIsIntact();
  }

  @Test
  void overV1TenantBCannotChatWithOrListTenantAsKnowledgeBase() {
    as(keyB).get("/v1/models").then().statusCode(200).body("data.id", not(hasItem("rag:" + kb)));
    as(keyB).get("/v1/models/rag:" + kb).then().statusCode(404).body("error.message", org.hamcrest.Matchers.notNullValue());
    as(keyB).contentType(ContentType.JSON)
        .body(Map.of("model", "rag:" + kb, "messages", List.of(Map.of("role", "user", "content", "What is the vault code?"))))
        .post("/v1/chat/completions").then().statusCode(404).body("error.message", org.hamcrest.Matchers.notNullValue());
    as(keyA).get("/v1/models").then().statusCode(200).body("data.id", hasItem("rag:" + kb));
    as(keyA).contentType(ContentType.JSON)
        .body(Map.of("model", "rag:" + kb, "messages", List.of(Map.of("role", "user", "content", "What is the vault code?"))))
        .post("/v1/chat/completions").then().statusCode(200)
        .body("choices[0].message.content", org.hamcrest.Matchers.containsString("7341"));
    assertTenantAIsIntact();
  }

  @Test
  void overGrpcTenantBFindsNothingOfTenantAs() {
    var kbsB = bearer(KnowledgeBasesGrpc.newBlockingStub(channel), keyB);
    assertThat(kbsB.list(ListKnowledgeBasesRequest.getDefaultInstance()).getKnowledgeBasesList())
        .extracting(KnowledgeBase::getName).doesNotContain(kb);
    notFound(() -> kbsB.get(GetKnowledgeBaseRequest.newBuilder().setName(kb).build()));
    notFound(() -> bearer(DocumentsGrpc.newBlockingStub(channel), keyB)
        .get(GetDocumentRequest.newBuilder().setKnowledgeBase(kb).setId("handbook").build()));
    notFound(() -> bearer(RetrievalGrpc.newBlockingStub(channel), keyB)
        .query(QueryRequest.newBuilder().setKnowledgeBase(kb).setQuestion("What is the vault code?").build()));
    notFound(() -> bearer(IngestJobsGrpc.newBlockingStub(channel), keyB)
        .get(GetIngestJobRequest.newBuilder().setId(ingestJob).build()));
    var evalB = bearer(EvaluationsGrpc.newBlockingStub(channel), keyB);
    notFound(() -> evalB.getRun(GetEvaluationRunRequest.newBuilder().setId(run).build()));
    notFound(() -> evalB.getSet(GetEvaluationSetRequest.newBuilder().setName(set).build()));
    assertThat(evalB.listRuns(ListEvaluationRunsRequest.getDefaultInstance()).getRunsList()).noneMatch(r -> r.getId().equals(run));
    notFound(() -> kbsB.delete(DeleteKnowledgeBaseRequest.newBuilder().setName(kb).build()));

    StatusRuntimeException anonymous = failure(() -> KnowledgeBasesGrpc.newBlockingStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS).list(ListKnowledgeBasesRequest.getDefaultInstance()));
    assertThat(anonymous.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(bearer(KnowledgeBasesGrpc.newBlockingStub(channel), keyA).get(GetKnowledgeBaseRequest.newBuilder()
        .setName(kb).build()).getName()).isEqualTo(kb);
    assertTenantAIsIntact();
  }

  @Test
  void anotherTenantsOwnResourceWithTheSameNameIsItsOwn() {
    String keyC = Tenants.key(Tenants.create("gamma", null), "write");
    as(keyC).contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    as(keyC).contentType(ContentType.JSON).body(Map.of("id", "handbook", "text", "Tenant C's door is painted blue."))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);

    as(keyC).contentType(ContentType.JSON).body(Map.of("query", "door colour", "topK", 5))
        .post(KBS + "/" + kb + "/search").then().statusCode(200).body("hits.text", not(hasItem(FACT)));
    assertTenantAIsIntact();
  }

  private void assertTenantAIsIntact() {
    as(keyA).get(KBS + "/" + kb).then().statusCode(200).body("documents", equalTo(2));
    as(keyA).get(KBS + "/" + kb + "/documents/handbook").then().statusCode(200).body("title", equalTo("Handbook"));
    as(keyA).get("/api/v1/evaluation-sets/" + set).then().statusCode(200);
    as(keyA).get("/api/v1/evaluations/" + run).then().statusCode(200);
    as(keyA).get("/api/v1/ingest-jobs/" + ingestJob).then().statusCode(200);
    as(keyA).contentType(ContentType.JSON).body(Map.of("query", "vault code", "topK", 5))
        .post(KBS + "/" + kb + "/search").then().statusCode(200).body("hits.text", hasItem(FACT));
  }

  static <S extends AbstractStub<S>> S bearer(S stub, String key) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static void notFound(Executable call) {
    assertThat(failure(call).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  private static StatusRuntimeException failure(Executable call) {
    try {
      call.execute();
    } catch (StatusRuntimeException e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected a gRPC status, got " + t, t);
    }
    throw new AssertionError("the call succeeded");
  }

  /**
   * The official OpenAI Node SDK with a tenant's key as its {@code apiKey}: that tenant's
   * {@code rag:<kb>} answers; another tenant's key does not find it; a revoked or made-up key gets
   * 401. Skips with a message when Node or the SDK is missing ({@code npm ci --prefix bootstrap/src/test/node}).
   */
  @Test
  void theNodeOpenAiSdkWithATenantsKeyGetsThatTenantsRagAnswerAndOtherKeysDoNot() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/openai")),
        "the OpenAI Node SDK is not installed: run npm ci --prefix bootstrap/src/test/node (CI does)");
    Assumptions.assumeTrue(nodeAvailable(), "node is not on the PATH");
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
