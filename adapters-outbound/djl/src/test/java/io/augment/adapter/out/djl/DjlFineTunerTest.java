package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.job.JobStatus;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DjlFineTunerTest {
  private final DjlAdapterCatalog catalog = new DjlAdapterCatalog(TinyWorkspace.root());

  @Test
  void runsAFullFineTuneInTheBackgroundAndListsTheResult() throws InterruptedException {
    try (DjlFineTuner tuner = new DjlFineTuner(TinyWorkspace.root(), new DjlEngineConfig("tiny", 1))) {
      FineTuneRequest request = new FineTuneRequest("full-1", "tiny", AdaptationMethod.FULL, null,
          Tiny.steps(5, 1e-3), List.of("the cat sat on the mat."));
      AdaptationJob started = tuner.start(request);
      assertThat(started.status()).isIn(JobStatus.QUEUED, JobStatus.RUNNING);

      AdaptationJob done = await(tuner, started.id());
      assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.metrics().trainablePercent()).isEqualTo(100.0);
      assertThat(done.metrics().lossCurve()).hasSize(5);
      assertThat(done.metrics().artifactBytes()).isGreaterThan(4 * Tiny.CONFIG.parameterCount());
      assertThat(done.progress().done()).isEqualTo(5);
      assertThat(catalog.find("full-1")).hasValueSatisfying(a -> {
        assertThat(a.method()).isEqualTo(AdaptationMethod.FULL);
        assertThat(a.baseModel()).isEqualTo("tiny");
      });
      tuner.cancel(done.id());
      assertThat(tuner.job(done.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }
  }

  @Test
  void loraJobReportsASmallTrainableShareAndAdapterFile() throws InterruptedException {
    try (DjlFineTuner tuner = new DjlFineTuner(TinyWorkspace.root(), new DjlEngineConfig("tiny", 1))) {
      AdaptationJob done = await(tuner, tuner.start(TinyWorkspace.lora("lora-1", List.of("a b c d e f g."))).id());
      assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.metrics().trainableParameters()).isLessThan(done.metrics().totalParameters() / 5);
      assertThat(done.metrics().tokensPerSecond()).isPositive();
      assertThat(catalog.find("lora-1").orElseThrow().method()).isEqualTo(AdaptationMethod.LORA);
      assertThat(catalog.adapters()).extracting(a -> a.name()).contains("cats", "counting", "lora-1");
      assertThat(catalog.delete("lora-1")).isTrue();
      assertThat(catalog.find("lora-1")).isEmpty();
      assertThat(catalog.delete("lora-1")).isFalse();
    }
  }

  @Test
  void rejectsUnknownBaseAndTakenName() {
    try (DjlFineTuner tuner = new DjlFineTuner(TinyWorkspace.root(), new DjlEngineConfig("tiny", 1))) {
      assertThatThrownBy(() -> tuner.start(new FineTuneRequest("x", "nope", AdaptationMethod.FULL, null,
          Tiny.steps(1, 1e-3), List.of("a")))).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> tuner.start(TinyWorkspace.lora("cats", List.of("a"))))
          .isInstanceOf(AlreadyExistsException.class);
    }
  }

  private static AdaptationJob await(DjlFineTuner tuner, String id) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      AdaptationJob job = tuner.job(id).orElseThrow();
      if (job.status().finished()) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job did not finish");
  }
}
