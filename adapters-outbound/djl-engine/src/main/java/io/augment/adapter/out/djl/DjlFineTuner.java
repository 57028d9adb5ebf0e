package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.model.LoraTarget;
import io.augment.adapter.out.djl.train.WorkerLauncher;
import io.augment.adapter.out.djl.train.WorkerSpec;
import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.job.JobStatus;
import io.augment.domain.model.AlreadyExistsException;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fine-tunes local models, one job at a time, each in its own worker process (the engine allows one
 * gradient collector per JVM, and a crash stays contained). Base model {@code scratch} with method
 * FULL pretrains a new model, tokenizer included, from the request's texts.
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
  }

  @Override
  public synchronized AdaptationJob start(FineTuneRequest request) {
    validate(request);
    String id = UUID.randomUUID().toString();
    FineTuneJob job = new FineTuneJob(sequence.incrementAndGet(), id, request);
    jobs.put(id, job);
    Path folder = store.jobs().resolve(id);
    job.attach(null, executor.submit(() -> new FineTuneRun(store, launcher, job, folder, spec(request, folder)).run()));
    return job.state();
  }

  private void validate(FineTuneRequest request) {
    ModelStore.checkName("name", request.name());
    boolean taken = store.find(request.name()).isPresent() || jobs.values().stream()
        .anyMatch(j -> !j.state().status().finished() && j.state().request().name().equals(request.name()));
    if (taken) {
      throw new AlreadyExistsException("model or adapter", request.name());
    }
    if (request.baseModel().equals(ModelStore.SCRATCH)) {
      if (request.method() == AdaptationMethod.LORA) {
        throw new InvalidInputException("baseModel", "LoRA needs a base model; pretrain one with method FULL first");
      }
    } else {
      ArtifactInfo base = store.find(request.baseModel())
          .orElseThrow(() -> new NotFoundException("base model", request.baseModel()));
      if (base.isAdapter()) {
        throw new InvalidInputException("baseModel", "'" + base.name() + "' is an adapter; name its base model");
      }
    }
    if (request.method() == AdaptationMethod.LORA) {
      try {
        LoraTarget.parse(request.lora().targetModules());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("lora.targetModules", e.getMessage());
      }
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
        folder.resolve("artifact").toString(), config.trainingThreads());
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
    if (job == null || job.state().status().finished()) {
      return;
    }
    job.cancel();
    if (job.state().status() == JobStatus.QUEUED) {
      job.update(s -> new AdaptationJob(s.id(), s.request(), JobStatus.CANCELLED, s.progress(), s.metrics(), null));
    }
  }

  /** Cancels running work and stops the queue. */
  @Override
  public void close() {
    jobs.values().forEach(FineTuneJob::cancel);
    executor.shutdownNow();
  }
}
