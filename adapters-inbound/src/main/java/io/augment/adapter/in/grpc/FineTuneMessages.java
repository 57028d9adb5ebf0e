package io.augment.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import io.augment.adapter.in.grpc.v1.Adapter;
import io.augment.adapter.in.grpc.v1.FineTuneCheckpoint;
import io.augment.adapter.in.grpc.v1.FineTuneEvent;
import io.augment.adapter.in.grpc.v1.FineTuneJob;
import io.augment.adapter.in.grpc.v1.StepMetrics;
import io.augment.adapter.in.grpc.v1.TrainingFile;
import io.augment.adapter.in.grpc.v1.TrainingMetrics;
import io.augment.application.adaptation.ManageModels;
import io.augment.domain.adaptation.FineTuneSpec;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.adaptation.FineTuningJob;
import java.time.Instant;

/** Fine-tuning response messages from the use cases' records; null fields stay unset. */
final class FineTuneMessages {
  private FineTuneMessages() {}

  static FineTuneJob job(FineTuningJob j) {
    FineTuneSpec s = j.spec();
    FineTuneJob.Builder b = FineTuneJob.newBuilder().setId(j.id()).setName(s.name()).setBaseModel(s.baseModel())
        .setMethod(Messages.lower(s.method())).setStatus(j.status().wire()).setExamples(s.examples())
        .setValidationExamples(s.validationExamples()).setSource(s.source() == null ? "" : s.source())
        .setCreatedAt(timestamp(j.createdAt())).setResumes(j.resumes());
    if (j.progress() != null) {
      b.setProgress(Messages.progress(j.progress()));
    }
    var m = j.metrics();
    if (m != null) {
      b.setMetrics(TrainingMetrics.newBuilder().setTotalParameters(m.totalParameters())
          .setTrainableParameters(m.trainableParameters()).setTrainablePercent(m.trainablePercent())
          .setTokensPerSecond(m.tokensPerSecond()).addAllLossCurve(m.lossCurve()).setPeakHeapBytes(m.peakHeapBytes())
          .setPeakNativeBytes(m.peakNativeBytes()).setArtifactBytes(m.artifactBytes())
          .setTrainedTokens(m.trainedTokens()));
    }
    if (j.error() != null) {
      b.setError(j.error());
    }
    if (j.finishedAt() != null) {
      b.setFinishedAt(timestamp(j.finishedAt()));
    }
    if (j.status() == FineTuneStatus.SUCCEEDED) {
      b.setModel(ManageModels.PREFIX + s.name());
    }
    return b.build();
  }

  static FineTuneEvent event(io.augment.domain.adaptation.FineTuneEvent e) {
    FineTuneEvent.Builder b = FineTuneEvent.newBuilder().setSeq(e.seq()).setCreatedAt(timestamp(e.createdAt()))
        .setLevel(Messages.lower(e.level())).setMessage(e.message());
    var m = e.metrics();
    if (m != null) {
      StepMetrics.Builder metrics = StepMetrics.newBuilder().setStep(m.step()).setTotalSteps(m.totalSteps())
          .setTrainLoss(m.trainLoss()).setTokensPerSecond(m.tokensPerSecond());
      if (m.validationLoss() != null) {
        metrics.setValidationLoss(m.validationLoss());
      }
      if (m.etaSeconds() != null) {
        metrics.setEtaSeconds(m.etaSeconds());
      }
      b.setMetrics(metrics);
    }
    return b.build();
  }

  static FineTuneCheckpoint checkpoint(io.augment.domain.adaptation.FineTuneCheckpoint c) {
    FineTuneCheckpoint.Builder b = FineTuneCheckpoint.newBuilder().setId(c.id()).setStep(c.step())
        .setTrainLoss(c.trainLoss()).setCreatedAt(timestamp(c.createdAt()));
    if (c.validationLoss() != null) {
      b.setValidationLoss(c.validationLoss());
    }
    return b.build();
  }

  static Adapter adapter(io.augment.domain.adaptation.Adapter a) {
    return Adapter.newBuilder().setName(a.name()).setBaseModel(a.baseModel()).setMethod(Messages.lower(a.method()))
        .setBytes(a.bytes()).setModel(ManageModels.PREFIX + a.name()).build();
  }

  static TrainingFile file(io.augment.domain.adaptation.TrainingFile f) {
    return TrainingFile.newBuilder().setId(f.id()).setFilename(f.filename()).setPurpose(f.purpose()).setBytes(f.bytes())
        .setExamples(f.examples()).setCreatedAt(timestamp(f.createdAt())).build();
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
