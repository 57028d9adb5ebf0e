package io.augment.adapter.in.grpc;

import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.grpc.v1.Adapter;
import io.augment.adapter.in.grpc.v1.CancelFineTuneJobRequest;
import io.augment.adapter.in.grpc.v1.FineTuneJob;
import io.augment.adapter.in.grpc.v1.GetFineTuneJobRequest;
import io.augment.adapter.in.grpc.v1.ListAdaptersRequest;
import io.augment.adapter.in.grpc.v1.ListAdaptersResponse;
import io.augment.adapter.in.grpc.v1.ListFineTuneJobsRequest;
import io.augment.adapter.in.grpc.v1.ListFineTuneJobsResponse;
import io.augment.adapter.in.grpc.v1.LoraOptions;
import io.augment.adapter.in.grpc.v1.StartFineTuneRequest;
import io.augment.adapter.in.grpc.v1.TrainingMetrics;
import io.augment.adapter.in.grpc.v1.TrainingOptions;
import io.augment.application.adaptation.FineTuneKnowledgeBase;
import io.augment.application.adaptation.FineTuneOptions;
import io.augment.application.tenant.Workspace;
import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.model.NotFoundException;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;

@GrpcService
@Blocking
public class FineTuningService implements io.augment.adapter.in.grpc.v1.FineTuning {
  private final CurrentWorkspace current;
  private final RequestLimit limit;

  public FineTuningService(CurrentWorkspace current, RequestLimit limit) {
    this.current = current;
    this.limit = limit;
  }

  @Override
  public Uni<FineTuneJob> start(StartFineTuneRequest r) {
    limit.check(r);
    FineTuneOptions.Lora lora = null;
    if (r.hasLora()) {
      LoraOptions l = r.getLora();
      lora = new FineTuneOptions.Lora(l.hasRank() ? l.getRank() : null, l.hasAlpha() ? l.getAlpha() : null,
          l.hasDropout() ? l.getDropout() : null, new LinkedHashSet<>(l.getTargetModulesList()));
    }
    FineTuneOptions.Training training = null;
    if (r.hasTraining()) {
      TrainingOptions t = r.getTraining();
      training = new FineTuneOptions.Training(t.hasEpochs() ? t.getEpochs() : null,
          t.hasMaxSteps() ? t.getMaxSteps() : null, t.hasBatchSize() ? t.getBatchSize() : null,
          t.hasSequenceLength() ? t.getSequenceLength() : null, t.hasLearningRate() ? t.getLearningRate() : null,
          t.hasSeed() ? t.getSeed() : null);
    }
    var command = FineTuneOptions.command(r.getName(), r.getBaseModel(), r.getMethod(),
        r.getKnowledgeBase().isEmpty() ? null : r.getKnowledgeBase(), r.getTextsList(), lora, training);
    Workspace workspace = current.get();
    FineTuneKnowledgeBase fineTune = require(workspace.fineTune());
    return Uni.createFrom().item(job(workspace.admitJob(() -> fineTune.start(command))));
  }

  @Override
  public Uni<FineTuneJob> get(GetFineTuneJobRequest r) {
    return Uni.createFrom().item(job(find(require(current.get().fineTuner()), r.getId())));
  }

  @Override
  public Uni<ListFineTuneJobsResponse> list(ListFineTuneJobsRequest r) {
    return Uni.createFrom().item(ListFineTuneJobsResponse.newBuilder()
        .addAllJobs(require(current.get().fineTuner()).jobs().stream().map(FineTuningService::job).toList()).build());
  }

  @Override
  public Uni<FineTuneJob> cancel(CancelFineTuneJobRequest r) {
    FineTuner fineTuner = require(current.get().fineTuner());
    find(fineTuner, r.getId());
    fineTuner.cancel(r.getId());
    return Uni.createFrom().item(job(find(fineTuner, r.getId())));
  }

  @Override
  public Uni<ListAdaptersResponse> listAdapters(ListAdaptersRequest r) {
    return Uni.createFrom().item(ListAdaptersResponse.newBuilder().addAllAdapters(require(current.get().adapters()).adapters().stream()
        .map(a -> Adapter.newBuilder().setName(a.name()).setBaseModel(a.baseModel())
            .setMethod(a.method().name().toLowerCase(Locale.ROOT)).setBytes(a.bytes()).setModel("adapter:" + a.name())
            .build())
        .toList()).build());
  }

  private static AdaptationJob find(FineTuner fineTuner, String id) {
    return fineTuner.job(id).orElseThrow(() -> new NotFoundException("fine-tune job", id));
  }

  /** The engine's part, or UNIMPLEMENTED when the local engine is off. */
  private static <T> T require(Optional<T> part) {
    if (part.isEmpty()) {
      throw Status.UNIMPLEMENTED.withDescription(
          "fine-tuning needs the local engine, which is switched off (augment.engine.enabled=false)").asRuntimeException();
    }
    return part.get();
  }

  static FineTuneJob job(AdaptationJob j) {
    FineTuneJob.Builder b = FineTuneJob.newBuilder().setId(j.id()).setName(j.request().name())
        .setBaseModel(j.request().baseModel()).setMethod(j.request().method().name().toLowerCase(Locale.ROOT))
        .setStatus(Messages.lower(j.status())).setTexts(j.request().texts().size())
        .setProgress(Messages.progress(j.progress()));
    var m = j.metrics();
    if (m != null) {
      b.setMetrics(TrainingMetrics.newBuilder().setTotalParameters(m.totalParameters())
          .setTrainableParameters(m.trainableParameters()).setTrainablePercent(m.trainablePercent())
          .setTokensPerSecond(m.tokensPerSecond()).addAllLossCurve(m.lossCurve()).setPeakHeapBytes(m.peakHeapBytes())
          .setPeakNativeBytes(m.peakNativeBytes()).setArtifactBytes(m.artifactBytes()));
    }
    if (j.error() != null) {
      b.setError(j.error());
    }
    return b.build();
  }
}
