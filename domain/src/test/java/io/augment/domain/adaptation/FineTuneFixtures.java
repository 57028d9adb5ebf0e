package io.augment.domain.adaptation;

import io.augment.domain.job.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Fine-tuning jobs, events, checkpoints and training files with plausible values, for the repository suites. */
public final class FineTuneFixtures {
  /** Microsecond precision, so it survives every store's timestamp column (H2 and PostgreSQL keep micros). */
  public static final Instant CREATED_AT = Instant.parse("2024-06-01T09:00:00.123456Z");

  public static final Instant FINISHED_AT = Instant.parse("2024-06-01T09:12:41.875001Z");

  private FineTuneFixtures() {}

  /** An id no other test uses, even across reruns against a shared database. */
  public static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** A LoRA spec with every optional field set. */
  public static FineTuneSpec loraSpec() {
    return new FineTuneSpec("support-bot-v2", "tiny-gpt", AdaptationMethod.LORA,
        new LoraSettings(8, 16.5, 0.05, Set.of("q_proj", "v_proj", "mlp.fc")),
        new TrainingSettings(3, 0, 8, 64, 1.0e-3, -42L), "file:file-abc", "file:file-val", 1234, 56);
  }

  /** A full fine-tuning spec: no LoRA settings and no validation source. */
  public static FineTuneSpec fullSpec() {
    return new FineTuneSpec("full-model", "tiny-gpt", AdaptationMethod.FULL, null,
        new TrainingSettings(0, 500, 4, 128, 0.1 + 0.2, Long.MAX_VALUE), "texts", null, 3, 0);
  }

  /** A queued job: no metrics, no error, not finished, progress without an ETA. */
  public static FineTuningJob queued(String id, FineTuneSpec spec, Instant createdAt) {
    return new FineTuningJob(id, spec, FineTuneStatus.QUEUED, new Progress(0, 0, "steps", 0, null), null, null,
        createdAt, null, 0);
  }

  /** A running job: parameters known, throughput and an ETA with nanoseconds. */
  public static FineTuningJob running(String id, FineTuneSpec spec) {
    return new FineTuningJob(id, spec, FineTuneStatus.RUNNING,
        new Progress(40, 375, "steps", 2.718281828459045, Duration.ofSeconds(123, 456_789_012)),
        new TrainingMetrics(1_234_567_890_123L, 24_576, 0, List.of(), 0, 0, 0, 0), null, CREATED_AT, null, 2);
  }

  /** A succeeded job with every metric and a loss curve of exact and awkward doubles. */
  public static FineTuningJob succeeded(String id, FineTuneSpec spec) {
    List<Double> curve = new ArrayList<>(List.of(4.1, 3.333333333333333, 0.1 + 0.2, Double.MIN_VALUE, 1e300, -0.0));
    for (int i = 0; i < 1_000; i++) {
      curve.add(2.0 / (i + 1));
    }
    return new FineTuningJob(id, spec, FineTuneStatus.SUCCEEDED, new Progress(375, 375, "steps", 31.25, Duration.ZERO),
        new TrainingMetrics(1_000_000, 24_576, 34_567.89, curve, 512L << 20, 3L << 30, 98_304, 1_920_000),
        null, CREATED_AT, FINISHED_AT, 1);
  }

  /** A failed job with a long Unicode error. */
  public static FineTuningJob failed(String id, FineTuneSpec spec) {
    return new FineTuningJob(id, spec, FineTuneStatus.FAILED, new Progress(7, 375, "steps", 0.5, null), null,
        "trainer died: Zeichen — 漢字 🚫\n\"quoted\" \\ " + "x".repeat(5_000), CREATED_AT, FINISHED_AT, 0);
  }

  /** An info event. */
  public static FineTuneEvent event(long seq, String message) {
    return new FineTuneEvent(seq, CREATED_AT.plusSeconds(seq), FineTuneEvent.Level.INFO, message, null);
  }

  /** A metrics event; validation loss and ETA only on every other seq. */
  public static FineTuneEvent metrics(long seq) {
    boolean even = seq % 2 == 0;
    return new FineTuneEvent(seq, CREATED_AT.plusMillis(seq), FineTuneEvent.Level.INFO, "step " + seq,
        new FineTuneEvent.StepMetrics((int) seq, 375, 3.0 / seq, even ? 0.1 + 0.2 : null, 1234.5, even ? 42L : null));
  }

  /** Events 1 to {@code count} (inclusive), messages {@code "event <seq>"}. */
  public static List<FineTuneEvent> events(long from, long to) {
    List<FineTuneEvent> events = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      events.add(event(seq, "event " + seq));
    }
    return events;
  }

  public static FineTuneCheckpoint checkpoint(String id, int step, Double validationLoss) {
    return new FineTuneCheckpoint(id, step, 1.0 / step, validationLoss, CREATED_AT.plusSeconds(step));
  }

  public static TrainingFile file(String id, String filename, long bytes, Instant createdAt) {
    return new TrainingFile(id, filename, "fine-tune", bytes, 17, createdAt);
  }
}
