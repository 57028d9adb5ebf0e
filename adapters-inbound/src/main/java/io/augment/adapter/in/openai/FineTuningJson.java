package io.augment.adapter.in.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.augment.domain.adaptation.TrainingFile;
import java.util.List;
import java.util.Map;

/** OpenAI's JSON for files and fine-tuning jobs, events and checkpoints; nulls are written, as OpenAI does. */
public final class FineTuningJson {
  private FineTuningJson() {}

  /** {@code {"object": "list", "data": [...], "has_more": bool}}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ListJson<T>(String object, List<T> data, boolean hasMore) {
    public ListJson(List<T> data, boolean hasMore) {
      this("list", data, hasMore);
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FileJson(String id, String object, long bytes, long createdAt, String filename, String purpose,
      String status) {
    static FileJson of(TrainingFile f) {
      return new FileJson(f.id(), "file", f.bytes(), f.createdAt().getEpochSecond(), f.filename(), f.purpose(),
          "processed");
    }
  }

  public record DeletedJson(String id, String object, boolean deleted) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record JobJson(
      String id, String object, long createdAt, Long finishedAt, String model, String fineTunedModel,
      String organizationId, String status, String trainingFile, String validationFile, Map<String, Object> hyperparameters,
      Map<String, Object> method, List<String> resultFiles, Long trainedTokens, long seed, Long estimatedFinish,
      ErrorJson error) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ErrorJson(String code, String message, String param) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record EventJson(String id, String object, long createdAt, String level, String message, String type,
      MetricsJson data) {}

  /** A metrics event's {@code data}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record MetricsJson(int step, int totalSteps, double trainLoss, Double validLoss, double tokensPerSecond,
      Long etaSeconds) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record CheckpointJson(String id, String object, long createdAt, String fineTuningJobId, int stepNumber,
      CheckpointMetricsJson metrics, String fineTunedModelCheckpoint) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record CheckpointMetricsJson(int step, double trainLoss, Double validLoss) {}
}
