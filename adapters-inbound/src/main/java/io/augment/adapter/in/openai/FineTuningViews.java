package io.augment.adapter.in.openai;

import io.augment.application.adaptation.ManageModels;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuneSpec;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Augment's fine-tuning records in OpenAI's shapes; ids that OpenAI composes are composed here. */
final class FineTuningViews {
  static final String EVENT = "ftevent-";
  static final String CHECKPOINT = "ftckpt-";
  private static final String FILE = "file:";

  private FineTuningViews() {}

  /** @param defaults the trainer's defaults, for the learning-rate multiplier; null when unknown */
  static FineTuningJson.JobJson job(FineTuningJob j, String organization, FineTuneDefaults defaults) {
    FineTuneSpec s = j.spec();
    Map<String, Object> hyper = hyperparameters(s, defaults);
    Map<String, Object> methodHyper = new LinkedHashMap<>(hyper);
    LoraSettings lora = s.lora();
    String type = s.method() == AdaptationMethod.LORA ? "lora" : "supervised";
    if (lora != null) {
      methodHyper.put("rank", lora.rank());
      methodHyper.put("alpha", lora.alpha());
      methodHyper.put("dropout", lora.dropout());
      methodHyper.put("target_modules", lora.targetModules().stream().sorted().toList());
    }
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("type", type);
    method.put(type, Map.of("hyperparameters", methodHyper));
    boolean succeeded = j.status() == FineTuneStatus.SUCCEEDED;
    Long estimatedFinish = j.status() == FineTuneStatus.RUNNING && j.progress() != null && j.progress().eta() != null
        ? Instant.now().plus(j.progress().eta()).getEpochSecond() : null;
    FineTuningJson.ErrorJson error = j.status() == FineTuneStatus.FAILED
        ? new FineTuningJson.ErrorJson("training_failed", j.error() == null ? "the job failed" : j.error(), null) : null;
    return new FineTuningJson.JobJson(j.id(), "fine_tuning.job", j.createdAt().getEpochSecond(),
        j.finishedAt() == null ? null : j.finishedAt().getEpochSecond(), s.baseModel(),
        succeeded ? ManageModels.PREFIX + s.name() : null, organization, j.status().wire(), file(s.source()),
        file(s.validationSource()), hyper, method, List.of(),
        succeeded && j.metrics() != null ? j.metrics().trainedTokens() : null, s.training().seed(), estimatedFinish, error);
  }

  static FineTuningJson.EventJson event(String jobId, FineTuneEvent e) {
    FineTuneEvent.StepMetrics m = e.metrics();
    return new FineTuningJson.EventJson(EVENT + jobId + "-" + e.seq(), "fine_tuning.job.event",
        e.createdAt().getEpochSecond(), e.level().name().toLowerCase(Locale.ROOT), e.message(),
        m == null ? "message" : "metrics", m == null ? null : new FineTuningJson.MetricsJson(m.step(), m.totalSteps(),
            m.trainLoss(), m.validationLoss(), m.tokensPerSecond(), m.etaSeconds()));
  }

  static FineTuningJson.CheckpointJson checkpoint(FineTuningJob job, FineTuneCheckpoint c) {
    return new FineTuningJson.CheckpointJson(checkpointId(job.id(), c), "fine_tuning.job.checkpoint",
        c.createdAt().getEpochSecond(), job.id(), c.step(),
        new FineTuningJson.CheckpointMetricsJson(c.step(), c.trainLoss(), c.validationLoss()),
        job.spec().name() + ":ckpt-step-" + c.step());
  }

  static String checkpointId(String jobId, FineTuneCheckpoint c) {
    return CHECKPOINT + jobId + "-" + c.step();
  }

  /** The seq of an event id of job {@code jobId}, or -1 when {@code id} is not one. */
  static long eventSeq(String jobId, String id) {
    String prefix = EVENT + jobId + "-";
    if (!id.startsWith(prefix)) {
      return -1;
    }
    try {
      long seq = Long.parseLong(id.substring(prefix.length()));
      return seq > 0 ? seq : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Map<String, Object> hyperparameters(FineTuneSpec s, FineTuneDefaults defaults) {
    TrainingSettings t = s.training();
    Map<String, Object> hyper = new LinkedHashMap<>();
    hyper.put("n_epochs", t.epochs());
    hyper.put("batch_size", t.batchSize());
    Double multiplier = null;
    if (defaults != null) {
      double rate = s.method() == AdaptationMethod.LORA ? defaults.loraLearningRate() : defaults.fullLearningRate();
      multiplier = rate > 0 ? t.learningRate() / rate : null;
    }
    hyper.put("learning_rate_multiplier", multiplier);
    return hyper;
  }

  /** {@code file:<id>} as the file id; another source (a knowledge base, texts) as it is; null stays null. */
  private static String file(String source) {
    return source != null && source.startsWith(FILE) ? source.substring(FILE.length()) : source;
  }
}
