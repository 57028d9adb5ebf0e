package io.augment.bootstrap.adaptation;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.augment.adapter.out.openaitrainer.OpenAiFineTuner;
import io.augment.adapter.out.openaitrainer.OpenAiTrainerConfig;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.adaptation.FineTunerContract;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingSettings;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * The remote trainer ({@code augment.fine-tuning.provider=openai}) passes the fine-tuner contract
 * against Augment's own OpenAI fine-tuning API: every upload, job, event and cancel goes over real
 * HTTP to this server's {@code /v1}, which trains on its local engine (a tiny model).
 */
@QuarkusTest
@Tag("shared-tiny-engine")
@TestProfile(FineTuneApiTest.TinyEngine.class)
class RemoteTrainerContractTest extends FineTunerContract {
  private static final String BASE = "contract-base";
  private static OpenAiFineTuner trainer;

  @TestHTTPResource("/v1")
  URL v1;

  @Override
  protected synchronized FineTuner trainer() {
    if (trainer == null) {
      pretrainBase();
      try {
        Path state = Files.createTempDirectory("remote-trainer-state");
        // A key, as any OpenAI client sends: authentication is off here, but a multipart upload without a key
        // (or X-Augment-Request) is refused by the cross-site rule.
        trainer = new OpenAiFineTuner(new OpenAiTrainerConfig(v1.toString(), "sk-unused", state)
            .withPollInterval(Duration.ofMillis(100)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return trainer;
  }

  @AfterAll
  static void stop() {
    if (trainer != null) {
      trainer.close();
    }
  }

  /** The base model the contract's requests fine-tune, trained once on this server's engine. */
  private static void pretrainBase() {
    if (given().get("/api/v1/adapters").jsonPath().getList("name").contains(BASE)) {
      return;
    }
    String location = given().contentType(ContentType.JSON)
        .body(Map.of("name", BASE, "baseModel", "scratch", "method", "full", "texts", texts(4),
            "training", Map.of("maxSteps", 10, "batchSize", 4, "sequenceLength", 16, "learningRate", 0.01)))
        .post("/api/v1/fine-tunes").then().statusCode(202).extract().header("Location");
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
        .until(() -> !List.of("queued", "running").contains(given().get(location).path("status")));
    assertThat(given().get(location).jsonPath().getString("status")).isEqualTo("succeeded");
  }

  private static List<String> texts(int copies) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      texts.add("The lighthouse keeper of Varn rings the bell at dusk, " + i + " times on feast days.");
    }
    return texts;
  }

  @Override
  protected FineTuneRequest runnable(String name) {
    return new FineTuneRequest(name, BASE, AdaptationMethod.FULL, null, new TrainingSettings(2, 0, 4, 16, 1e-3, 1),
        mixedExamples(2), List.of());
  }

  @Override
  protected FineTuneRequest longRunning(String name) {
    List<TrainingExample> many = new ArrayList<>();
    for (String text : texts(1500)) {
      many.add(new TrainingExample.Text(text));
    }
    return new FineTuneRequest(name, BASE, AdaptationMethod.FULL, null, new TrainingSettings(100, 0, 4, 16, 1e-3, 1),
        many, List.of());
  }
}
