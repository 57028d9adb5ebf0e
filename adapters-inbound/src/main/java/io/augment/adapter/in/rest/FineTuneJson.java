package io.augment.adapter.in.rest;

import io.augment.adapter.in.rest.Dtos.ProgressJson;
import io.augment.application.adaptation.FineTuneOptions;
import io.augment.application.adaptation.ManageModels;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuneSpec;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.adaptation.TrainingMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON of /api/v1/fine-tunes and /api/v1/adapters. */
public final class FineTuneJson {
  private FineTuneJson() {}

  /** All fields but name, method and one of knowledgeBase, texts and trainingFile are optional. */
  public record FineTuneInput(
      String name, String baseModel, String method, String knowledgeBase, List<String> texts,
      FineTuneOptions.Lora lora, FineTuneOptions.Training training, String trainingFile, String validationFile) {}

  /** A model to import: its name, and a folder relative to the server's import folder. */
  public record ImportModelInput(String name, String path) {}

  public record MetricsJson(
      long totalParameters, long trainableParameters, double trainablePercent, double tokensPerSecond,
      List<Double> lossCurve, long peakHeapBytes, long peakNativeBytes, long artifactBytes, long trainedTokens) {
    static MetricsJson of(TrainingMetrics m) {
      return m == null ? null : new MetricsJson(m.totalParameters(), m.trainableParameters(), m.trainablePercent(),
          m.tokensPerSecond(), m.lossCurve(), m.peakHeapBytes(), m.peakNativeBytes(), m.artifactBytes(),
          m.trainedTokens());
    }
  }

  /** {@code model} is what chat requests address once the job succeeded ({@code adapter:<name>}), else null. */
  public record FineTuneJobJson(
      String id, String name, String baseModel, String method, String status, String source, String validationSource,
      int examples, int validationExamples, ProgressJson progress, MetricsJson metrics, String error,
      Instant createdAt, Instant finishedAt, int resumes, String model) {
    static FineTuneJobJson of(FineTuningJob j) {
      FineTuneSpec s = j.spec();
      return new FineTuneJobJson(j.id(), s.name(), s.baseModel(), lower(s.method()), j.status().wire(), s.source(),
          s.validationSource(), s.examples(), s.validationExamples(), j.progress() == null ? null : ProgressJson.of(j.progress()),
          MetricsJson.of(j.metrics()), j.error(), j.createdAt(), j.finishedAt(), j.resumes(),
          j.status() == FineTuneStatus.SUCCEEDED ? ManageModels.PREFIX + s.name() : null);
    }
  }

  public record StepMetricsJson(
      int step, int totalSteps, double trainLoss, Double validationLoss, double tokensPerSecond, Long etaSeconds) {}

  /** {@code metrics} is set on a step's metrics event only. */
  public record EventJson(long seq, Instant createdAt, String level, String message, StepMetricsJson metrics) {
    static EventJson of(FineTuneEvent e) {
      FineTuneEvent.StepMetrics m = e.metrics();
      return new EventJson(e.seq(), e.createdAt(), lower(e.level()), e.message(), m == null ? null
          : new StepMetricsJson(m.step(), m.totalSteps(), m.trainLoss(), m.validationLoss(), m.tokensPerSecond(),
              m.etaSeconds()));
    }
  }

  public record CheckpointJson(String id, int step, double trainLoss, Double validationLoss, Instant createdAt) {
    static CheckpointJson of(FineTuneCheckpoint c) {
      return new CheckpointJson(c.id(), c.step(), c.trainLoss(), c.validationLoss(), c.createdAt());
    }
  }

  public record AdapterJson(String name, String baseModel, String method, long bytes, String model) {
    static AdapterJson of(Adapter a) {
      return new AdapterJson(a.name(), a.baseModel(), lower(a.method()), a.bytes(), ManageModels.PREFIX + a.name());
    }
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
