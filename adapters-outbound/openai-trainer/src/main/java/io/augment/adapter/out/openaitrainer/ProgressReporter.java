package io.augment.adapter.out.openaitrainer;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.TrainingMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the remote's events and checkpoints into listener reports for one job: {@code running}
 * once, a step per {@code metrics} event, a warning per {@code warn}/{@code error} event, each
 * checkpoint newer than the last one reported. Used by one follower thread at a time.
 */
final class ProgressReporter {
  private static final int MAX_CURVE = 100_000;
  private final List<Double> losses = new ArrayList<>();
  private volatile OnceListener listener;
  private volatile boolean runningReported;
  private double tokensPerSecond;

  ProgressReporter(OnceListener listener, double tokensPerSecond) {
    this.listener = listener;
    this.tokensPerSecond = tokensPerSecond;
  }

  OnceListener listener() {
    return listener;
  }

  /** Reports from now on to {@code other}, which hears {@code running} again. */
  void listenTo(OnceListener other) {
    listener = other;
    runningReported = false;
  }

  /** Last throughput a metrics event reported. */
  double tokensPerSecond() {
    return tokensPerSecond;
  }

  void running(int totalSteps) {
    if (!runningReported) {
      runningReported = true;
      listener.running(Math.max(0, totalSteps));
    }
  }

  /** Reports {@code events} (oldest first); returns whether one was a step. */
  boolean events(List<JsonNode> events) {
    boolean stepped = false;
    for (JsonNode event : events) {
      JsonNode data = event.path("data");
      if ("metrics".equals(event.path("type").asText()) && data.isObject() && data.path("step").isNumber()) {
        int total = Math.max(0, data.path("total_steps").asInt(0));
        running(total);
        tokensPerSecond = data.path("tokens_per_second").asDouble(tokensPerSecond);
        double loss = data.path("train_loss").asDouble(Double.NaN);
        if (losses.size() < MAX_CURVE) {
          losses.add(loss);
        }
        listener.step(Math.max(0, data.path("step").asInt()), total, loss,
            data.path("valid_loss").isNumber() ? data.path("valid_loss").asDouble() : null, tokensPerSecond);
        stepped = true;
      } else if (List.of("warn", "error").contains(event.path("level").asText())) {
        listener.warning(event.path("message").asText("(no message)"));
      }
    }
    return stepped;
  }

  /** Reports the listed checkpoints (oldest first) above {@code lastStep}; returns the newest step reported. */
  int checkpoints(List<JsonNode> listed, int lastStep) {
    List<FineTuneCheckpoint> kept = listed.stream().filter(c -> c.path("step_number").isNumber())
        .map(c -> new FineTuneCheckpoint(c.path("id").asText(), c.path("step_number").asInt(),
            c.path("metrics").path("train_loss").asDouble(Double.NaN),
            c.path("metrics").path("valid_loss").isNumber() ? c.path("metrics").path("valid_loss").asDouble() : null,
            Instant.ofEpochSecond(c.path("created_at").asLong(0))))
        .toList();
    int newest = lastStep;
    for (FineTuneCheckpoint checkpoint : kept) {
      if (checkpoint.step() > newest) {
        listener.checkpoint(checkpoint, kept);
        newest = checkpoint.step();
      }
    }
    return newest;
  }

  /** What a success reports: the remote's tokens, the throughput and the loss curve this process saw. */
  TrainingMetrics metrics(long trainedTokens, double tokensPerSecond) {
    return new TrainingMetrics(0, 0, tokensPerSecond, losses, 0, 0, 0, trainedTokens);
  }

  /** The first {@code total_steps} among {@code events}, 0 when none says. */
  static int firstTotal(List<JsonNode> events) {
    return events.stream().map(e -> e.path("data").path("total_steps")).filter(JsonNode::isNumber)
        .mapToInt(JsonNode::asInt).findFirst().orElse(0);
  }
}
