package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.model.GptConfig;
import java.util.List;

/**
 * Settings of the local engine.
 *
 * @param defaultModel         model generation uses when a request names no adapter; may be null
 * @param scratchModel         size of models pretrained from scratch; its vocabSize is the BPE target
 * @param workerHeapMegabytes  heap of each training worker process (PyTorch memory is outside it)
 * @param trainingThreads      intra-op threads per training worker, 0 for PyTorch's default (one per core)
 * @param generationThreads    intra-op threads for generation in this process; 0 picks PyTorch's
 *                             default when {@code OMP_WAIT_POLICY=PASSIVE} is set and 1 otherwise,
 *                             because spin-waiting OpenMP threads on busy cores make decoding ~10x slower
 * @param workerJvmOptions     extra JVM options for training workers
 * @param maxQueuedJobs        jobs that may wait behind the running one; more are refused
 * @param checkpointEverySteps steps between a run's checkpoints; 0 for about every 10% of the run (at least 1 step)
 * @param keepCheckpoints      checkpoints kept per job (the newest), at least 1
 * @param maxWorkerRestarts    times a run whose worker died is restarted from its last checkpoint before it fails
 */
public record DjlEngineConfig(String defaultModel, GptConfig scratchModel, int workerHeapMegabytes,
    int trainingThreads, int generationThreads, List<String> workerJvmOptions, int maxQueuedJobs,
    int checkpointEverySteps, int keepCheckpoints, int maxWorkerRestarts) {
  /** Jobs that may wait behind the running one unless configured otherwise. */
  public static final int DEFAULT_MAX_QUEUED_JOBS = 8;
  public static final int DEFAULT_KEEP_CHECKPOINTS = 2;
  public static final int DEFAULT_MAX_WORKER_RESTARTS = 2;

  public DjlEngineConfig {
    workerJvmOptions = workerJvmOptions == null ? List.of() : List.copyOf(workerJvmOptions);
    if (maxQueuedJobs < 0) {
      throw new IllegalArgumentException("maxQueuedJobs must be 0 or more");
    }
    if (checkpointEverySteps < 0) {
      throw new IllegalArgumentException("checkpointEverySteps must be 0 or more");
    }
    if (keepCheckpoints < 1) {
      throw new IllegalArgumentException("keepCheckpoints must be 1 or more");
    }
    if (maxWorkerRestarts < 0) {
      throw new IllegalArgumentException("maxWorkerRestarts must be 0 or more");
    }
  }

  /** With default checkpointing (about every 10%, keep 2) and restarts (2). */
  public DjlEngineConfig(String defaultModel, GptConfig scratchModel, int workerHeapMegabytes, int trainingThreads,
      int generationThreads, List<String> workerJvmOptions, int maxQueuedJobs) {
    this(defaultModel, scratchModel, workerHeapMegabytes, trainingThreads, generationThreads, workerJvmOptions,
        maxQueuedJobs, 0, DEFAULT_KEEP_CHECKPOINTS, DEFAULT_MAX_WORKER_RESTARTS);
  }

  /** With {@link #DEFAULT_MAX_QUEUED_JOBS} and default checkpointing and restarts. */
  public DjlEngineConfig(String defaultModel, GptConfig scratchModel, int workerHeapMegabytes, int trainingThreads,
      int generationThreads, List<String> workerJvmOptions) {
    this(defaultModel, scratchModel, workerHeapMegabytes, trainingThreads, generationThreads, workerJvmOptions,
        DEFAULT_MAX_QUEUED_JOBS);
  }

  /** About 4M parameters: vocabulary 4096, context 256, width 256, 4 layers, 4 heads. */
  public static DjlEngineConfig defaults() {
    return new DjlEngineConfig(null, GptConfig.of(4096, 256, 256, 4, 4), 2048, 0, 0, List.of());
  }

  public DjlEngineConfig withDefaultModel(String model) {
    return new DjlEngineConfig(model, scratchModel, workerHeapMegabytes, trainingThreads, generationThreads,
        workerJvmOptions, maxQueuedJobs, checkpointEverySteps, keepCheckpoints, maxWorkerRestarts);
  }

  public DjlEngineConfig withScratchModel(GptConfig config) {
    return new DjlEngineConfig(defaultModel, config, workerHeapMegabytes, trainingThreads, generationThreads,
        workerJvmOptions, maxQueuedJobs, checkpointEverySteps, keepCheckpoints, maxWorkerRestarts);
  }

  public DjlEngineConfig withMaxQueuedJobs(int max) {
    return new DjlEngineConfig(defaultModel, scratchModel, workerHeapMegabytes, trainingThreads, generationThreads,
        workerJvmOptions, max, checkpointEverySteps, keepCheckpoints, maxWorkerRestarts);
  }

  /** Checkpoints every {@code everySteps} (0: about every 10%), keeping the newest {@code keep}. */
  public DjlEngineConfig withCheckpoints(int everySteps, int keep) {
    return new DjlEngineConfig(defaultModel, scratchModel, workerHeapMegabytes, trainingThreads, generationThreads,
        workerJvmOptions, maxQueuedJobs, everySteps, keep, maxWorkerRestarts);
  }

  public DjlEngineConfig withMaxWorkerRestarts(int restarts) {
    return new DjlEngineConfig(defaultModel, scratchModel, workerHeapMegabytes, trainingThreads, generationThreads,
        workerJvmOptions, maxQueuedJobs, checkpointEverySteps, keepCheckpoints, restarts);
  }

  /** The thread count generation should use, 0 meaning PyTorch's default. */
  public int effectiveGenerationThreads() {
    if (generationThreads > 0) {
      return generationThreads;
    }
    return "PASSIVE".equalsIgnoreCase(System.getenv("OMP_WAIT_POLICY")) ? 0 : 1;
  }
}
