package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.train.TrainingLock;
import io.augment.adapter.out.djl.train.WorkerLauncher;
import io.augment.adapter.out.djl.train.WorkerSpec;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingCost;
import io.augment.domain.adaptation.TrainingMetrics;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.CapacityExceededException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fine-tunes local models, one job at a time, each in its own worker process (the engine allows one
 * gradient collector per JVM, and a crash stays contained). Base model {@code scratch} with method
 * FULL pretrains a new model, tokenizer included, from the request's texts. At most
 * {@link DjlEngineConfig#maxQueuedJobs()} jobs wait behind the running one. Each job keeps
 * {@code jobs/<id>/} ({@link JobFolder}): its request, written durably before {@link #start}
 * returns, and its checkpoints, from which a dead worker is restarted and {@link #resume} continues
 * after a restart. Closing stops the runs without ending them, so they resume in the next engine.
 */
public final class DjlFineTuner implements FineTuner, AutoCloseable {
  private static final System.Logger LOGGER = System.getLogger(DjlFineTuner.class.getName());
  private static final FineTuneDefaults DEFAULTS = new FineTuneDefaults(
      new LoraSettings(8, 16, 0.05, Set.of("c_attn")), 2e-3, 5e-4, ModelStore.SCRATCH);

  private final ModelStore store;
  private final DjlEngineConfig config;
  private final WorkerLauncher launcher;
  private final Map<String, FineTuneJob> jobs = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "djl-fine-tune");
    thread.setDaemon(true);
    return thread;
  });

  public DjlFineTuner(ModelStore store, DjlEngineConfig config) {
    this.store = store;
    this.config = config;
    this.launcher = new WorkerLauncher(config.workerHeapMegabytes(), config.workerJvmOptions());
    StaleWork.clean(store);
  }

  /** LoRA r=8, alpha 16, dropout 0.05 on {@code c_attn} (PEFT's GPT-2 default); 2e-3 LoRA, 5e-4 full; scratch. */
  @Override
  public FineTuneDefaults defaults() {
    return DEFAULTS;
  }

  @Override
  public int maxSequenceLength(String baseModel) {
    if (ModelStore.SCRATCH.equals(baseModel)) {
      return config.scratchModel().contextLength();
    }
    try {
      return store.find(baseModel).filter(a -> !a.isAdapter())
          .map(a -> BaseModelLimits.config(store.folder(a)).contextLength()).orElse(Integer.MAX_VALUE);
    } catch (RuntimeException unreadable) {
      return Integer.MAX_VALUE; // validation names the problem
    }
  }

  @Override
  public void validate(FineTuneRequest request) {
    ModelStore.checkName("name", request.name());
    boolean taken = store.find(request.name()).isPresent() || jobs.values().stream()
        .anyMatch(j -> j.state() != FineTuneJob.State.ENDED && j.request().name().equals(request.name()));
    if (taken) {
      throw new AlreadyExistsException("model or adapter", request.name());
    }
    TrainingLock.holder(store.lock(request.name())).ifPresent(holder -> {
      throw new ConflictException("'" + request.name() + "' is being trained by another worker (pid " + holder.pid()
          + "); wait for it to finish or choose another name");
    });
    if (request.baseModel().equals(ModelStore.SCRATCH)) {
      if (request.method() == AdaptationMethod.LORA) {
        throw new InvalidInputException("baseModel", "LoRA needs a base model; pretrain one with method FULL first");
      }
      BaseModelLimits.check(request, config.scratchModel());
    } else {
      ArtifactInfo base = store.find(request.baseModel())
          .orElseThrow(() -> new NotFoundException("base model", request.baseModel()));
      if (base.isAdapter()) {
        throw new InvalidInputException("baseModel", "'" + base.name() + "' is an adapter; name its base model");
      }
      BaseModelLimits.check(request, BaseModelLimits.config(store.folder(base)));
    }
    if (request.texts().stream().allMatch(String::isBlank)) {
      throw new InvalidInputException("texts", "needs at least one non-empty text");
    }
  }

  /**
   * Validates, refuses a full queue ({@link CapacityExceededException}), writes the job's request
   * durably and queues it.
   */
  @Override
  public synchronized void start(String jobId, FineTuneRequest request, FineTuneListener listener) {
    JobFolder folder = JobFolder.of(store, jobId);
    if (jobs.containsKey(jobId) || folder.exists()) {
      throw new AlreadyExistsException("fine-tuning job", jobId);
    }
    validate(request);
    long waiting = jobs.values().stream().filter(j -> j.state() == FineTuneJob.State.QUEUED).count();
    boolean busy = waiting > 0 || jobs.values().stream().anyMatch(j -> j.state() == FineTuneJob.State.RUNNING);
    if (busy && waiting + 1 > config.maxQueuedJobs()) {
      throw new CapacityExceededException("the fine-tuning queue is full (" + waiting + " jobs waiting behind the"
          + " running one; the limit is " + config.maxQueuedJobs() + "); retry when one has started, or cancel one");
    }
    WorkerSpec spec = spec(request, folder);
    folder.writeRequest(request);
    queue(new FineTuneJob(jobId, request, listener), folder, spec, false);
  }

  /**
   * Continues a job an earlier engine over this folder started: reports success when its artifact
   * is installed already, else queues it from its last checkpoint (or from the start).
   */
  @Override
  public synchronized boolean resume(String jobId, FineTuneListener listener) {
    if (!JobFolder.validId(jobId)) {
      return false;
    }
    if (jobs.containsKey(jobId) && jobs.get(jobId).state() != FineTuneJob.State.ENDED) {
      return true;
    }
    JobFolder folder = JobFolder.of(store, jobId);
    if (!folder.exists()) {
      return false;
    }
    FineTuneRequest request;
    try {
      request = folder.readRequest();
    } catch (RuntimeException e) {
      listener.failed("its stored request cannot be read; start the job again");
      folder.delete();
      return true;
    }
    Optional<ArtifactInfo> installed = store.find(request.name());
    if (installed.isPresent()) {
      listener.succeeded(metricsOf(folder, installed.get()));
      folder.delete();
      return true;
    }
    WorkerSpec spec;
    try {
      spec = spec(request, folder);
    } catch (RuntimeException e) {
      listener.failed("it cannot continue: " + e.getMessage());
      folder.delete();
      return true;
    }
    queue(new FineTuneJob(jobId, request, listener), folder, spec, true);
    return true;
  }

  private void queue(FineTuneJob job, JobFolder folder, WorkerSpec spec, boolean resumed) {
    jobs.put(job.id(), job);
    job.queued(executor.submit(() -> {
      try {
        new FineTuneRun(store, launcher, config.maxWorkerRestarts(), job, folder, spec, resumed).run();
      } finally {
        if (job.state() == FineTuneJob.State.ENDED) {
          jobs.remove(job.id(), job);
        }
      }
    }));
  }

  /** What the run measured ({@value JobFolder#RESULT}), else what the artifact records it cost. */
  private TrainingMetrics metricsOf(JobFolder folder, ArtifactInfo info) {
    Path result = folder.file(JobFolder.RESULT);
    if (Files.isRegularFile(result)) {
      try {
        return Json.read(result, TrainingMetrics.class);
      } catch (RuntimeException e) {
        // fall back to the artifact's record
      }
    }
    TrainingCost cost = info.training();
    long bytes = store.bytes(info);
    return cost == null ? new TrainingMetrics(0, 0, 0, List.of(), 0, 0, bytes, 0)
        : new TrainingMetrics(cost.totalParameters(), cost.trainableParameters(), cost.tokensPerSecond(), List.of(),
            0, cost.peakMemoryBytes(), bytes, cost.tokens());
  }

  private WorkerSpec spec(FineTuneRequest request, JobFolder folder) {
    boolean scratch = request.baseModel().equals(ModelStore.SCRATCH);
    WorkerSpec.Kind kind = scratch ? WorkerSpec.Kind.PRETRAIN
        : request.method() == AdaptationMethod.LORA ? WorkerSpec.Kind.LORA : WorkerSpec.Kind.FULL;
    String baseDir = scratch ? null : store.folder(store.find(request.baseModel())
        .orElseThrow(() -> new NotFoundException("base model", request.baseModel()))).toString();
    return new WorkerSpec(kind, scratch ? null : request.baseModel(), baseDir, config.scratchModel(),
        request.lora(), request.training(), folder.file("corpus.json").toString(),
        request.validation().isEmpty() ? null : folder.file("validation.json").toString(),
        folder.artifact().toString(), config.trainingThreads(), request.name(), store.lock(request.name()).toString(),
        folder.checkpoints().toString(), config.checkpointEverySteps(), config.keepCheckpoints(), null);
  }

  @Override
  public void cancel(String jobId) {
    FineTuneJob job = jobId == null ? null : jobs.get(jobId);
    if (job != null && job.cancel()) {
      jobs.remove(jobId, job);
      JobFolder.of(store, jobId).delete();
    }
  }

  /** Removes the folders of jobs not in {@code live}, except those this engine runs or a live worker holds. */
  @Override
  public synchronized void retainOnly(Set<String> live) {
    if (!Files.isDirectory(store.jobs())) {
      return;
    }
    List<Path> folders;
    try (Stream<Path> entries = Files.list(store.jobs())) {
      folders = entries.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path dir : folders) {
      String id = dir.getFileName().toString();
      if (live.contains(id) || jobs.containsKey(id) || !JobFolder.validId(id)) {
        continue;
      }
      JobFolder folder = JobFolder.of(store, id);
      String name = folder.exists() ? nameOf(folder) : null;
      if (name != null && TrainingLock.holder(store.lock(name)).isPresent()) {
        continue;
      }
      try {
        folder.delete();
        LOGGER.log(System.Logger.Level.INFO, "local engine: removed the folder of job " + id + ", no longer kept");
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "local engine: cannot remove the folder of job " + id);
      }
    }
  }

  private static String nameOf(JobFolder folder) {
    try {
      return Json.read(folder.file(JobFolder.REQUEST)).path("name").asText(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The live worker process of {@code jobId}, for tests that kill it. */
  Optional<ProcessHandle> worker(String jobId) {
    FineTuneJob job = jobs.get(jobId);
    return job == null ? Optional.empty() : job.worker();
  }

  /**
   * Stops every run without ending it (their folders stay for {@link #resume}), kills the running
   * worker and waits (up to 10 s) until it is gone.
   */
  @Override
  public void close() {
    jobs.values().forEach(FineTuneJob::stop);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
