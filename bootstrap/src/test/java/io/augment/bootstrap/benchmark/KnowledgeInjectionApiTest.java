package io.augment.bootstrap.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.isOneOf;

import io.augment.adapter.in.grpc.v1.BenchmarksGrpc;
import io.augment.adapter.in.grpc.v1.GetKnowledgeInjectionReportRequest;
import io.augment.adapter.in.grpc.v1.GetKnowledgeInjectionRequest;
import io.augment.adapter.in.grpc.v1.KnowledgeInjectionJob;
import io.augment.adapter.in.grpc.v1.StartKnowledgeInjectionRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The knowledge-injection benchmark over REST and gRPC at the tiny size on a tiny engine: the job
 * shows progress, ends with the base-model checks and the results table, and serves its report;
 * an unknown size is refused naming the field. Pipeline only, not the outcome.
 */
@QuarkusTest
@TestProfile(KnowledgeInjectionApiTest.TinyEngine.class)
class KnowledgeInjectionApiTest {
  private static final String API = "/api/v1/benchmarks/knowledge-injection";

  public static class TinyEngine implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "augment.engine.scratch.vocab-size", "300",
          "augment.engine.scratch.context-length", "64",
          "augment.engine.scratch.width", "16",
          "augment.engine.scratch.layers", "1",
          "augment.engine.scratch.heads", "2",
          "augment.engine.worker-heap-mb", "512");
    }
  }

  @TestHTTPResource("/")
  URL server;

  @Test
  void runsTheTinyBenchmarkAsAJobWithProgressResultsAndReport() {
    String location = given().contentType(ContentType.JSON).body(Map.of("size", "tiny")).post(API)
        .then().statusCode(202).body("status", isOneOf("queued", "running")).extract().header("Location");
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
        .until(() -> !List.of("queued", "running").contains(given().get(location).path("status")));
    JsonPath job = given().get(location).then().statusCode(200).extract().jsonPath();
    assertThat(job.getString("status")).as(job.getString("error")).isEqualTo("succeeded");
    assertThat(job.getFloat("progress.percent")).isEqualTo(100f);
    assertThat(job.getString("summary.baseModel")).startsWith("kib-base-");
    assertThat(job.getList("summary.results")).hasSize(8);
    assertThat(job.getDouble("summary.oneMoreFact.ragIngestMillis")).isPositive();

    String md = given().accept("text/markdown").get(location + "/report").then().statusCode(200).extract().asString();
    assertThat(md).contains("Base-model quality", "Cost of one more fact", "adapter:" + job.getString("summary.baseModel"));
    String html = given().accept("text/html").get(location + "/report").then().statusCode(200).extract().asString();
    assertThat(html).contains("<svg", "Injection runs");

    ManagedChannel channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    try {
      var benchmarks = BenchmarksGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.MINUTES);
      String id = location.substring(location.lastIndexOf('/') + 1);
      KnowledgeInjectionJob grpc = benchmarks.getKnowledgeInjection(GetKnowledgeInjectionRequest.newBuilder().setId(id).build());
      assertThat(grpc.getStatus()).isEqualTo("succeeded");
      assertThat(grpc.getResultsCount()).isEqualTo(8);
      assertThat(grpc.getBaseModelReused()).isEqualTo(job.getBoolean("summary.baseModelReused"));
      assertThat(benchmarks.getKnowledgeInjectionReport(GetKnowledgeInjectionReportRequest.newBuilder().setId(id)
          .setHtml(false).build()).getText()).isEqualTo(md);
      StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
          () -> benchmarks.startKnowledgeInjection(StartKnowledgeInjectionRequest.newBuilder().setSize("huge").build()));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void refusesAnUnknownSizeNamingTheFieldAndAnUnknownRunWith404() {
    given().contentType(ContentType.JSON).body(Map.of("size", "huge")).post(API)
        .then().statusCode(400).body("field", equalTo("size"));
    given().get(API + "/no-such-run").then().statusCode(404);
  }
}
