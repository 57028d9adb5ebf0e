package io.augment.adapter.in.grpc;

import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.grpc.v1.Adapter;
import io.augment.adapter.in.grpc.v1.CancelFineTuneJobRequest;
import io.augment.adapter.in.grpc.v1.DeleteAdapterRequest;
import io.augment.adapter.in.grpc.v1.DeleteAdapterResponse;
import io.augment.adapter.in.grpc.v1.DeleteTrainingFileRequest;
import io.augment.adapter.in.grpc.v1.DeleteTrainingFileResponse;
import io.augment.adapter.in.grpc.v1.ExportModelChunk;
import io.augment.adapter.in.grpc.v1.ExportModelRequest;
import io.augment.adapter.in.grpc.v1.FineTuneJob;
import io.augment.adapter.in.grpc.v1.FineTuneJobUpdate;
import io.augment.adapter.in.grpc.v1.GetFineTuneJobRequest;
import io.augment.adapter.in.grpc.v1.GetTrainingFileRequest;
import io.augment.adapter.in.grpc.v1.ImportModelRequest;
import io.augment.adapter.in.grpc.v1.ListAdaptersRequest;
import io.augment.adapter.in.grpc.v1.ListAdaptersResponse;
import io.augment.adapter.in.grpc.v1.ListFineTuneCheckpointsRequest;
import io.augment.adapter.in.grpc.v1.ListFineTuneCheckpointsResponse;
import io.augment.adapter.in.grpc.v1.ListFineTuneEventsRequest;
import io.augment.adapter.in.grpc.v1.ListFineTuneEventsResponse;
import io.augment.adapter.in.grpc.v1.ListFineTuneJobsRequest;
import io.augment.adapter.in.grpc.v1.ListFineTuneJobsResponse;
import io.augment.adapter.in.grpc.v1.ListTrainingFilesRequest;
import io.augment.adapter.in.grpc.v1.ListTrainingFilesResponse;
import io.augment.adapter.in.grpc.v1.LoraOptions;
import io.augment.adapter.in.grpc.v1.StartFineTuneRequest;
import io.augment.adapter.in.grpc.v1.TrainingFile;
import io.augment.adapter.in.grpc.v1.TrainingOptions;
import io.augment.adapter.in.grpc.v1.UploadTrainingFileRequest;
import io.augment.adapter.in.grpc.v1.WatchFineTuneJobRequest;
import io.augment.application.adaptation.FineTuneCommand;
import io.augment.application.adaptation.FineTuneOptions;
import io.augment.application.adaptation.FineTuning;
import io.augment.application.adaptation.ManageModels;
import io.augment.application.tenant.Workspace;
import io.augment.domain.model.InvalidInputException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.LinkedHashSet;

/** Fine-tuning over gRPC: the same jobs, events, files and models as /api/v1/fine-tunes and /v1/files. */
@GrpcService
@Blocking
public class FineTuningService implements io.augment.adapter.in.grpc.v1.FineTuning {
  private final CurrentWorkspace current;
  private final RequestLimit limit;

  public FineTuningService(CurrentWorkspace current, RequestLimit limit) {
    this.current = current;
    this.limit = limit;
  }

  private FineTuning fineTuning() {
    return current.get().fineTuning();
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
    FineTuneCommand command = new FineTuneCommand(r.getName(), Requests.orNull(r.getBaseModel()),
        FineTuneOptions.method(r.getMethod()), lora, training, Requests.orNull(r.getKnowledgeBase()), r.getTextsList(),
        Requests.orNull(r.getTrainingFile()), Requests.orNull(r.getValidationFile()), FineTuneCommand.Fields.AUGMENT);
    Workspace workspace = current.get();
    return Uni.createFrom().item(FineTuneMessages.job(workspace.admitJob(() -> workspace.fineTuning().start(command))));
  }

  @Override
  public Uni<FineTuneJob> get(GetFineTuneJobRequest r) {
    return Uni.createFrom().item(FineTuneMessages.job(fineTuning().get(r.getId())));
  }

  @Override
  public Uni<ListFineTuneJobsResponse> list(ListFineTuneJobsRequest r) {
    return Uni.createFrom().item(ListFineTuneJobsResponse.newBuilder()
        .addAllJobs(fineTuning().list().stream().map(FineTuneMessages::job).toList()).build());
  }

  @Override
  public Uni<FineTuneJob> cancel(CancelFineTuneJobRequest r) {
    return Uni.createFrom().item(FineTuneMessages.job(fineTuning().cancel(r.getId())));
  }

  @Override
  public Uni<ListFineTuneEventsResponse> listEvents(ListFineTuneEventsRequest r) {
    if (r.getAfterSeq() < 0) {
      throw new InvalidInputException("after_seq", "must not be negative");
    }
    int size = r.hasLimit() ? r.getLimit() : FineTuning.MAX_PAGE;
    return Uni.createFrom().item(ListFineTuneEventsResponse.newBuilder().addAllEvents(
        fineTuning().events(r.getId(), r.getAfterSeq(), size).stream().map(FineTuneMessages::event).toList()).build());
  }

  @Override
  public Uni<ListFineTuneCheckpointsResponse> listCheckpoints(ListFineTuneCheckpointsRequest r) {
    return Uni.createFrom().item(ListFineTuneCheckpointsResponse.newBuilder().addAllCheckpoints(
        fineTuning().checkpoints(r.getId()).stream().map(FineTuneMessages::checkpoint).toList()).build());
  }

  @Override
  public Uni<ListAdaptersResponse> listAdapters(ListAdaptersRequest r) {
    return Uni.createFrom().item(ListAdaptersResponse.newBuilder()
        .addAllAdapters(current.get().models().list().stream().map(FineTuneMessages::adapter).toList()).build());
  }

  @Override
  public Uni<DeleteAdapterResponse> deleteAdapter(DeleteAdapterRequest r) {
    current.get().models().delete(r.getName());
    return Uni.createFrom().item(DeleteAdapterResponse.getDefaultInstance());
  }

  @Override
  public Uni<TrainingFile> uploadFile(UploadTrainingFileRequest r) {
    limit.check(r);
    return Uni.createFrom().item(FineTuneMessages.file(current.get().trainingFiles()
        .upload(r.getFilename(), r.getPurpose(), r.getContent().toByteArray())));
  }

  @Override
  public Uni<TrainingFile> getFile(GetTrainingFileRequest r) {
    return Uni.createFrom().item(FineTuneMessages.file(current.get().trainingFiles().get(r.getId())));
  }

  @Override
  public Uni<ListTrainingFilesResponse> listFiles(ListTrainingFilesRequest r) {
    return Uni.createFrom().item(ListTrainingFilesResponse.newBuilder()
        .addAllFiles(current.get().trainingFiles().list().stream().map(FineTuneMessages::file).toList()).build());
  }

  @Override
  public Uni<DeleteTrainingFileResponse> deleteFile(DeleteTrainingFileRequest r) {
    current.get().trainingFiles().delete(r.getId());
    return Uni.createFrom().item(DeleteTrainingFileResponse.getDefaultInstance());
  }

  @Override
  public Uni<Adapter> importModel(ImportModelRequest r) {
    limit.check(r);
    return Uni.createFrom().item(FineTuneMessages.adapter(current.get().models()
        .importModel(Requests.orNull(r.getName()), Requests.orNull(r.getPath()))));
  }

  /** An unknown name, or a trainer that cannot export, fails the call at once; the archive is then written on the worker pool, chunk by chunk. */
  @Override
  public Multi<ExportModelChunk> exportModel(ExportModelRequest r) {
    ManageModels models = current.get().models();
    String name = models.exportable(r.getName()).name();
    return Multi.createFrom().emitter(emitter -> Infrastructure.getDefaultWorkerPool().execute(() -> {
      ExportChunks chunks = new ExportChunks(emitter);
      try {
        models.export(name, chunks);
        chunks.finish();
        emitter.complete();
      } catch (Exception e) {
        if (!emitter.isCancelled()) {
          emitter.fail(e);
        }
      }
    }));
  }

  /**
   * Reads the job on the call's thread (an unknown one fails the call at once), then polls its
   * events on the worker pool's scheduler until the job has ended or the client cancels.
   */
  @Override
  public Multi<FineTuneJobUpdate> watch(WatchFineTuneJobRequest r) {
    if (r.getAfterSeq() < 0) {
      throw new InvalidInputException("after_seq", "must not be negative");
    }
    FineTuning fineTuning = fineTuning();
    FineTuneJob first = FineTuneMessages.job(fineTuning.get(r.getId()));
    return Multi.createFrom().emitter(emitter -> {
      emitter.emit(FineTuneJobUpdate.newBuilder().setJob(first).build());
      JobWatch watch = new JobWatch(fineTuning, r.getId(), r.getAfterSeq(), emitter);
      watch.schedule(Infrastructure.getDefaultWorkerPool());
    });
  }
}
