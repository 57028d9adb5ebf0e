package io.augment.bootstrap.tenancy;

import static io.augment.bootstrap.tenancy.Tenants.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Tenant B holds a valid write key and knows every name and id of tenant A's resources; over REST,
 * {@code /v1} and gRPC it can list, read, search, query, chat with, train on, evaluate, cancel and
 * delete none of them (always 404, never 403), and A's data is intact afterwards.
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class HostileTenantTest {
  static final String KBS = "/api/v1/knowledge-bases";
  static final String FACT = "The vault code of tenant A is 7341 and the office door is painted red.";
  static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");

  @TestHTTPResource("/")
  URL server;

  String tenantA;
  String tenantB;
  String keyA;
  String keyB;
  String kb;
  String set;
  String ingestJob;
  String summaryJob;
  String run;
  ManagedChannel channel;

  @BeforeEach
  void tenantAHasDataAndTenantBKnowsItsNames() {
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
    channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
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
  void tenantBsOwnResourceWithTheSameNameIsItsOwn() {
    as(keyB).contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    as(keyB).contentType(ContentType.JSON).body(Map.of("id", "handbook", "text", "Tenant B's door is painted blue."))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);

    as(keyB).contentType(ContentType.JSON).body(Map.of("query", "door colour", "topK", 5))
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
}
