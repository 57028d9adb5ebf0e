package io.augment.adapter.out.djl;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.train.TrainingText;
import io.augment.adapter.out.djl.train.WorkerLauncher;
import io.augment.adapter.out.djl.train.WorkerProtocol;
import io.augment.adapter.out.djl.train.WorkerResult;
import io.augment.adapter.out.djl.train.WorkerSpec;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.TrainingMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Drives one job's worker processes: feeds each the spec, follows its progress, restarts a worker
 * that died (up to {@link DjlEngineConfig#maxWorkerRestarts()} times, from the last checkpoint),
 * installs the artifact. The job's folder is removed once the run has ended; a stopped run keeps it.
 * Failures are told in words without absolute paths ({@link WorkerFailure}).
 */
final class FineTuneRun {
  private static final System.Logger LOGGER = System.getLogger(FineTuneRun.class.getName());
  private static final String WORKER_LOG = "worker.log";
  private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();

  private final ModelStore store;
  private final WorkerLauncher launcher;
  private final int maxRestarts;
  private final FineTuneJob job;
  private final JobFolder folder;
  private final WorkerSpec spec;
  private final boolean resumedAfterRestart;
  private final FineTuneListener listener;
  private int lastStep;
  private int loggedDecile = -1;
  private long loggedAt;

  FineTuneRun(ModelStore store, WorkerLauncher launcher, int maxRestarts, FineTuneJob job, JobFolder folder,
      WorkerSpec spec, boolean resumedAfterRestart) {
    this.store = store;
    this.launcher = launcher;
    this.maxRestarts = maxRestarts;
    this.job = job;
    this.folder = folder;
    this.spec = spec;
    this.resumedAfterRestart = resumedAfterRestart;
    this.listener = job.listener();
  }

  /** How one worker ended: its result, the error it reported, or neither (it died). */
  private record Attempt(WorkerResult result, String reported, int exit, List<String> lastLines) {}

  void run() {
    if (!job.begin()) {
      return;
    }
    String name = job.request().name();
    WorkerResult result = null;
    String error = null;
    try {
      Path resume = folder.lastCheckpoint().orElse(null);
      if (resumedAfterRestart) {
        String warning = resume == null ? "restarted from the beginning after a restart (no checkpoint was saved)"
            : "resumed from checkpoint " + resume.getFileName() + " after a restart";
        tell(() -> listener.warning(warning));
      }
      FineTuneRequest request = job.request();
      Json.write(Path.of(spec.corpusFile()), TrainingText.of(request.texts(), request.contextLengths()));
      if (spec.validationFile() != null) {
        Json.write(Path.of(spec.validationFile()),
            TrainingText.of(request.validationTexts(), request.validationContextLengths()));
      }
      for (int restarts = 0; ; restarts++) {
        Attempt attempt = attempt(spec.resumingFrom(resume == null ? null : resume.toString()));
        if (attempt.result() != null || attempt.reported() != null || job.interrupted()) {
          result = attempt.result();
          error = attempt.reported() != null || attempt.result() != null ? attempt.reported()
              : WorkerFailure.describe(attempt.exit(), attempt.lastLines(), store.root());
          break;
        }
        String death = WorkerFailure.describe(attempt.exit(), attempt.lastLines(), store.root());
        if (restarts >= maxRestarts) {
          error = restarts == 0 ? death : death + " (after " + restarts + " restart" + (restarts == 1 ? "" : "s") + ")";
          break;
        }
        resume = folder.lastCheckpoint().orElse(null);
        String warning = "the training worker stopped (exit " + attempt.exit() + ") at step " + lastStep + "; "
            + (resume == null ? "restarting from the beginning" : "resuming from checkpoint " + resume.getFileName())
            + " (restart " + (restarts + 1) + " of " + maxRestarts + ")";
        LOGGER.log(System.Logger.Level.WARNING, "fine-tune " + name + ": " + warning);
        tell(() -> listener.warning(warning));
      }
    } catch (IOException | RuntimeException e) {
      error = e.getMessage() == null ? "the training run failed" : e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    WorkerResult finished = result;
    String reason = WorkerFailure.redact(error, store.root());
    boolean ended = job.complete(reason, () -> install(finished));
    if (ended) {
      try {
        folder.delete();
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "fine-tune " + name + ": cannot remove its job folder: "
            + WorkerFailure.redact(e.getMessage(), store.root()));
      }
      LOGGER.log(System.Logger.Level.INFO, "fine-tune " + name + ": ended" + (reason == null ? "" : ", " + reason));
    } else {
      LOGGER.log(System.Logger.Level.INFO, "fine-tune " + name + ": stopped at step " + lastStep
          + "; it resumes from its last checkpoint when the engine opens again");
    }
  }

  private Attempt attempt(WorkerSpec attemptSpec) throws IOException, InterruptedException {
    Folders.delete(folder.artifact());
    Path specFile = folder.file("spec.json");
    Json.write(specFile, attemptSpec);
    Process process = launcher.start(specFile, folder.file(WORKER_LOG));
    job.attach(process);
    WorkerResult result = null;
    String error = null;
    Deque<String> noise = new ArrayDeque<>();
    boolean drained = false;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        WorkerProtocol.Message message = WorkerProtocol.Message.parse(line);
        if (message == null) {
          WorkerFailure.keep(noise, line, WorkerFailure.TAIL_LINES);
          continue;
        }
        switch (message.kind()) {
          case WorkerProtocol.STARTED -> onStarted(Json.parse(message.json(), JsonNode.class));
          case WorkerProtocol.STEP -> onStep(Json.parse(message.json(), JsonNode.class));
          case WorkerProtocol.CHECKPOINT -> onCheckpoint(Json.parse(message.json(), JsonNode.class));
          case WorkerProtocol.RESULT -> result = Json.parse(message.json(), WorkerResult.class);
          case WorkerProtocol.ERROR -> error = Json.parse(message.json(), JsonNode.class).path("message").asText();
          default -> { }
        }
      }
      drained = true;
    } finally {
      if (!drained) {
        process.destroyForcibly(); // never leave a worker behind that nobody reads
      }
    }
    int exit = process.waitFor();
    if (result != null && exit != 0) {
      result = null;
    }
    List<String> last = new ArrayList<>(WorkerFailure.tail(folder.file(WORKER_LOG), WorkerFailure.TAIL_LINES));
    last.addAll(noise);
    return new Attempt(result, error, exit, List.copyOf(last.subList(Math.max(0, last.size() - WorkerFailure.TAIL_LINES),
        last.size())));
  }

  private void onStarted(JsonNode started) {
    tell(() -> listener.running(started.path("totalParameters").asLong(),
        started.path("trainableParameters").asLong(), started.path("totalSteps").asInt()));
  }

  private void onStep(JsonNode step) {
    int done = step.path("step").asInt();
    int total = step.path("totalSteps").asInt();
    double loss = step.path("loss").asDouble();
    JsonNode validation = step.path("validationLoss");
    lastStep = done;
    Double validationLoss = validation.isNumber() ? validation.asDouble() : null;
    tell(() -> listener.step(done, total, loss, validationLoss, step.path("tokensPerSecond").asDouble()));
    int decile = total == 0 ? 10 : (int) (10L * done / total);
    if (decile > loggedDecile || System.nanoTime() - loggedAt > LOG_INTERVAL_NANOS) {
      loggedDecile = decile;
      loggedAt = System.nanoTime();
      LOGGER.log(System.Logger.Level.INFO, String.format("fine-tune %s: %d%% (%d/%d steps), %.0f tokens/s, loss %.4f",
          job.request().name(), total == 0 ? 100 : 100L * done / total, done, total,
          step.path("tokensPerSecond").asDouble(), loss));
    }
  }

  private void onCheckpoint(JsonNode checkpoint) {
    String id = checkpoint.path("id").asText();
    List<FineTuneCheckpoint> kept = folder.checkpointList();
    kept.stream().filter(c -> c.id().equals(id)).findFirst()
        .ifPresent(saved -> tell(() -> listener.checkpoint(saved, kept)));
  }

  /** Reports progress; a listener that throws is logged, never allowed to stop the run. */
  private void tell(Runnable report) {
    try {
      report.run();
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "fine-tune " + job.request().name() + ": its listener failed: " + e);
    }
  }

  private TrainingMetrics install(WorkerResult result) throws IOException {
    if (result == null) {
      throw new IOException("the training worker reported no result");
    }
    FineTuneRequest request = job.request();
    boolean scratch = request.baseModel().equals(ModelStore.SCRATCH);
    ArtifactInfo info = new ArtifactInfo(request.name(), request.baseModel(),
        request.method() == AdaptationMethod.LORA ? AdaptationMethod.LORA : AdaptationMethod.FULL,
        scratch ? ArtifactInfo.Origin.PRETRAINED : ArtifactInfo.Origin.FINE_TUNED, Instant.now().toString(),
        result.cost());
    Path staging = folder.artifact();
    if (!Files.isDirectory(staging)) {
      throw new IOException("the worker wrote no artifact");
    }
    TrainingMetrics metrics = metrics(result);
    Folders.writeDurably(folder.file(JobFolder.RESULT), Json.line(metrics));
    try {
      Folders.forceTree(staging);
      store.install(staging, info);
    } catch (RuntimeException e) {
      throw new IOException(WorkerFailure.redact(e.getMessage(), store.root()), e);
    }
    return metrics;
  }

  static TrainingMetrics metrics(WorkerResult result) {
    return new TrainingMetrics(result.totalParameters(), result.trainableParameters(), result.tokensPerSecond(),
        result.lossCurve(), result.peakHeapBytes(), result.peakNativeBytes(), result.artifactBytes(), result.tokens());
  }
}
