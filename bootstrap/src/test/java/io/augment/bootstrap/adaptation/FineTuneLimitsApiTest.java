package io.augment.bootstrap.adaptation;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.augment.adapter.in.grpc.GrpcErrors;
import io.augment.adapter.in.grpc.v1.FineTuningGrpc;
import io.augment.adapter.in.grpc.v1.LoraOptions;
import io.augment.adapter.in.grpc.v1.StartFineTuneRequest;
import io.augment.adapter.in.grpc.v1.TrainingOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hyper-parameters outside their documented ranges, and texts with holes, are refused before a job
 * is queued, naming the request's own field: 400 problem+json on REST, INVALID_ARGUMENT on gRPC.
 */
@QuarkusTest
@Tag("shared-tiny-engine")
@TestProfile(FineTuneApiTest.TinyEngine.class)
class FineTuneLimitsApiTest {
  private static final String FINE_TUNES = "/api/v1/fine-tunes";

  @TestHTTPResource("/")
  URL server;

  private static void refused(Map<String, Object> body, String field) {
    given().contentType(ContentType.JSON).body(body).post(FINE_TUNES).then().statusCode(400)
        .contentType("application/problem+json").body("field", equalTo(field))
        .body("detail", containsString(field));
  }

  private static Map<String, Object> full(Map<String, Object> training) {
    return Map.of("name", "wild", "method", "full", "texts", List.of("some text"), "training", training);
  }

  private static Map<String, Object> lora(Map<String, Object> lora) {
    return Map.of("name", "wild", "method", "lora", "baseModel", "some-base", "texts", List.of("some text"),
        "lora", lora);
  }

  @Test
  void refusesHyperparametersOutsideTheirRangesNamingTheFieldBeforeQueuingAnything() {
    int before = given().get(FINE_TUNES).then().extract().jsonPath().getList("$").size();

    refused(full(Map.of("epochs", 1_000_000_000)), "training.epochs");
    refused(full(Map.of("batchSize", 1_000_000)), "training.batchSize");
    refused(full(Map.of("maxSteps", 2_000_000_000)), "training.maxSteps");
    refused(full(Map.of("learningRate", 1e308)), "training.learningRate");
    refused(full(Map.of("sequenceLength", 256)), "training.sequenceLength"); // the scratch model's context is 128
    refused(lora(Map.of("rank", 4096)), "lora.rank");
    refused(lora(Map.of("alpha", -1e9)), "lora.alpha");

    given().get(FINE_TUNES).then().body("size()", equalTo(before));
  }

  @Test
  void refusesTextsWithANullElementWith400NotA500() {
    given().contentType(ContentType.JSON)
        .body("{\"name\":\"holes\",\"method\":\"full\",\"texts\":[\"a text\",null],\"training\":{\"maxSteps\":1}}")
        .post(FINE_TUNES).then().statusCode(400).contentType("application/problem+json")
        .body("field", equalTo("texts[1]"));
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "holes", "method", "lora", "baseModel", "b", "texts", List.of("t"),
            "lora", Map.of("targetModules", Arrays.asList("q_proj", null))))
        .post(FINE_TUNES).then().statusCode(400).body("field", equalTo("lora.targetModules"));
  }

  @Test
  void grpcRefusesOutOfRangeHyperparametersWithInvalidArgumentNamingTheField() throws InterruptedException {
    ManagedChannel channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    try {
      var fineTuning = FineTuningGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      StartFineTuneRequest.Builder request = StartFineTuneRequest.newBuilder().setName("wild").setMethod("full")
          .addTexts("some text");
      assertThat(fieldOf(() -> fineTuning.start(request.clone()
          .setTraining(TrainingOptions.newBuilder().setEpochs(1_000_000_000)).build()))).isEqualTo("training.epochs");
      assertThat(fieldOf(() -> fineTuning.start(request.clone()
          .setTraining(TrainingOptions.newBuilder().setLearningRate(Double.NaN)).build())))
          .isEqualTo("training.learningRate");
      assertThat(fieldOf(() -> fineTuning.start(request.clone().setMethod("lora").setBaseModel("b")
          .setLora(LoraOptions.newBuilder().setRank(4096)).build()))).isEqualTo("lora.rank");
      assertThat(fieldOf(() -> fineTuning.start(request.clone().setMethod("lora").setBaseModel("b")
          .setLora(LoraOptions.newBuilder().setDropout(Double.NaN)).build()))).isEqualTo("lora.dropout");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static String fieldOf(Runnable call) {
    StatusRuntimeException e = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
        call::run);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    return e.getTrailers().get(GrpcErrors.FIELD);
  }
}
