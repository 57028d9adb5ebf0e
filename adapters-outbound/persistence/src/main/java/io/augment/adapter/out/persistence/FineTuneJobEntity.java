package io.augment.adapter.out.persistence;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneSpec;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingMetrics;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.job.Progress;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Row of {@code fine_tune_job}: spec, status, progress and metrics in columns, rewritten whole on
 * every save. LoRA target modules are a {@link TextList}; the loss curve is packed doubles.
 */
@Entity
@Table(name = "fine_tune_job")
class FineTuneJobEntity {
  static final int MAX_ERROR = 100_000;

  @Id
  @Column(length = 200)
  String id;

  @Column(nullable = false, length = 200)
  String name;

  @Column(name = "base_model", nullable = false, length = 500)
  String baseModel;

  @Column(nullable = false, length = 16)
  String method;

  @Column(name = "lora_rank")
  Integer loraRank;

  @Column(name = "lora_alpha")
  Double loraAlpha;

  @Column(name = "lora_dropout")
  Double loraDropout;

  @Column(name = "lora_targets", length = 10_000)
  String loraTargets;

  @Column(nullable = false)
  int epochs;

  @Column(name = "max_steps", nullable = false)
  int maxSteps;

  @Column(name = "batch_size", nullable = false)
  int batchSize;

  @Column(name = "sequence_length", nullable = false)
  int sequenceLength;

  @Column(name = "learning_rate", nullable = false)
  double learningRate;

  @Column(nullable = false)
  long seed;

  @Column(nullable = false, length = 1_000)
  String source;

  @Column(name = "validation_source", length = 1_000)
  String validationSource;

  @Column(name = "example_count", nullable = false)
  int examples;

  @Column(name = "validation_example_count", nullable = false)
  int validationExamples;

  @Column(nullable = false, length = 20)
  String status;

  @Embedded
  ProgressColumns progress;

  @Column(name = "metric_total_parameters")
  Long totalParameters;

  @Column(name = "metric_trainable_parameters")
  Long trainableParameters;

  @Column(name = "metric_tokens_per_second")
  Double tokensPerSecond;

  @Column(name = "metric_loss_curve")
  byte[] lossCurve;

  @Column(name = "metric_peak_heap_bytes")
  Long peakHeapBytes;

  @Column(name = "metric_peak_native_bytes")
  Long peakNativeBytes;

  @Column(name = "metric_artifact_bytes")
  Long artifactBytes;

  @Column(name = "metric_trained_tokens")
  Long trainedTokens;

  @Column(length = MAX_ERROR)
  String error;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "finished_at")
  Instant finishedAt;

  @Column(nullable = false)
  int resumes;

  static FineTuneJobEntity from(FineTuningJob job) {
    FineTuneJobEntity e = new FineTuneJobEntity();
    e.id = Bounded.checked("id", job.id(), 200);
    FineTuneSpec spec = job.spec();
    e.name = Bounded.checked("name", spec.name(), 200);
    e.baseModel = Bounded.checked("baseModel", spec.baseModel(), 500);
    e.method = spec.method().name();
    LoraSettings lora = spec.lora();
    if (lora != null) {
      e.loraRank = lora.rank();
      e.loraAlpha = lora.alpha();
      e.loraDropout = lora.dropout();
      e.loraTargets = Bounded.checked("lora.targetModules",
          TextList.encode(lora.targetModules().stream().sorted().toList()), 10_000);
    }
    TrainingSettings t = spec.training();
    e.epochs = t.epochs();
    e.maxSteps = t.maxSteps();
    e.batchSize = t.batchSize();
    e.sequenceLength = t.sequenceLength();
    e.learningRate = t.learningRate();
    e.seed = t.seed();
    e.source = Bounded.checked("source", spec.source(), 1_000);
    e.validationSource = Bounded.checked("validationSource", spec.validationSource(), 1_000);
    e.examples = spec.examples();
    e.validationExamples = spec.validationExamples();
    e.status = job.status().name();
    e.progress = ProgressColumns.of(job.progress());
    TrainingMetrics m = job.metrics();
    if (m != null) {
      e.totalParameters = m.totalParameters();
      e.trainableParameters = m.trainableParameters();
      e.tokensPerSecond = m.tokensPerSecond();
      e.lossCurve = pack(m.lossCurve());
      e.peakHeapBytes = m.peakHeapBytes();
      e.peakNativeBytes = m.peakNativeBytes();
      e.artifactBytes = m.artifactBytes();
      e.trainedTokens = m.trainedTokens();
    }
    e.error = Bounded.cut(job.error(), MAX_ERROR);
    e.createdAt = job.createdAt();
    e.finishedAt = job.finishedAt();
    e.resumes = job.resumes();
    return e;
  }

  FineTuningJob toDomain() {
    LoraSettings lora = loraRank == null ? null
        : new LoraSettings(loraRank, loraAlpha, loraDropout, new HashSet<>(TextList.decode(loraTargets)));
    TrainingSettings training = new TrainingSettings(epochs, maxSteps, batchSize, sequenceLength, learningRate, seed);
    FineTuneSpec spec = new FineTuneSpec(name, baseModel, AdaptationMethod.valueOf(method), lora, training, source,
        validationSource, examples, validationExamples);
    Progress progress = this.progress.toProgress();
    TrainingMetrics metrics = totalParameters == null ? null
        : new TrainingMetrics(totalParameters, trainableParameters, tokensPerSecond, unpack(lossCurve), peakHeapBytes,
            peakNativeBytes, artifactBytes, trainedTokens);
    return new FineTuningJob(id, spec, FineTuneStatus.valueOf(status), progress, metrics, error, createdAt, finishedAt,
        resumes);
  }

  private static byte[] pack(List<Double> values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.size() * Double.BYTES);
    values.forEach(buffer::putDouble);
    return buffer.array();
  }

  private static List<Double> unpack(byte[] packed) {
    ByteBuffer buffer = ByteBuffer.wrap(packed == null ? new byte[0] : packed);
    List<Double> values = new ArrayList<>(buffer.remaining() / Double.BYTES);
    while (buffer.remaining() >= Double.BYTES) {
      values.add(buffer.getDouble());
    }
    return values;
  }
}
