package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.train.TrainingLock;
import io.augment.adapter.out.djl.train.WorkerLauncher;
import io.augment.adapter.out.djl.train.WorkerSpec;
import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.job.JobStatus;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.CapacityExceededException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fine-tunes local models, one job at a time, each in its own worker process (the engine allows one
 * gradient collector per JVM, and a crash stays contained). Base model {@code scratch} with method
 * FULL pretrains a new model, tokenizer included, from the request's texts. At most
 * {@link DjlEngineConfig#maxQueuedJobs()} jobs wait behind the running one. Opening it removes
 * what a crashed run left behind ({@link StaleWork}).
 */
public final class DjlFineTuner implements FineTuner, AutoCloseable {
  private final ModelStore store;
  private final DjlEngineConfig config;
  private final WorkerLauncher launcher;
  private final Map<String, FineTuneJob> jobs = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
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

  /**
   * Validates and queues; refuses a request that breaks a rule (naming its field), a name that is
   * taken or being trained, and a request beyond the queue bound ({@link CapacityExceededException}).
   */
  @Override
  public synchronized AdaptationJob start(FineTuneRequest request) {
    validate(request);
    long waiting = jobs.values().stream().filter(j -> j.state().status() == JobStatus.QUEUED).count();
    boolean busy = waiting > 0 || jobs.values().stream().anyMatch(j -> j.state().status() == JobStatus.RUNNING);
    if (busy && waiting + 1 > config.maxQueuedJobs()) {
      throw new CapacityExceededException("the fine-tuning queue is full (" + waiting + " jobs waiting behind the"
          + " running one; the limit is " + config.maxQueuedJobs() + "); retry when one has started, or cancel one");
    }
    String id = UUID.randomUUID().toString();
    FineTuneJob job = new FineTuneJob(sequence.incrementAndGet(), id, request);
    Path folder = store.jobs().resolve(id);
    WorkerSpec spec = spec(request, folder);
    jobs.put(id, job);
    job.queued(executor.submit(() -> new FineTuneRun(store, launcher, job, folder, spec).run()));
    return job.state();
  }

  private void validate(FineTuneRequest request) {
    ModelStore.checkName("name", request.name());
    boolean taken = store.find(request.name()).isPresent() || jobs.values().stream()
        .anyMatch(j -> !j.state().status().finished() && j.state().request().name().equals(request.name()));
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

  private WorkerSpec spec(FineTuneRequest request, Path folder) {
    boolean scratch = request.baseModel().equals(ModelStore.SCRATCH);
    WorkerSpec.Kind kind = scratch ? WorkerSpec.Kind.PRETRAIN
        : request.method() == AdaptationMethod.LORA ? WorkerSpec.Kind.LORA : WorkerSpec.Kind.FULL;
    String baseDir = scratch ? null : store.folder(store.find(request.baseModel()).orElseThrow()).toString();
    return new WorkerSpec(kind, scratch ? null : request.baseModel(), baseDir, config.scratchModel(),
        request.lora(), request.training(), folder.resolve("corpus.json").toString(),
        folder.resolve("artifact").toString(), config.trainingThreads(), request.name(),
        store.lock(request.name()).toString());
  }

  @Override
  public Optional<AdaptationJob> job(String id) {
    return Optional.ofNullable(jobs.get(id)).map(FineTuneJob::state);
  }

  @Override
  public List<AdaptationJob> jobs() {
    return jobs.values().stream().sorted(Comparator.comparingLong(FineTuneJob::sequence))
        .map(FineTuneJob::state).toList();
  }

  @Override
  public void cancel(String id) {
    FineTuneJob job = jobs.get(id);
    if (job != null) {
      job.cancel();
    }
  }

  /** Cancels every job, kills the running worker and waits (up to 10 s) until it is gone. */
  @Override
  public void close() {
    jobs.values().forEach(FineTuneJob::cancel);
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
