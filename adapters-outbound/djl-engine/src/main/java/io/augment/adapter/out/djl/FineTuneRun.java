package io.augment.adapter.out.djl;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.train.WorkerLauncher;
import io.augment.adapter.out.djl.train.WorkerProtocol;
import io.augment.adapter.out.djl.train.WorkerResult;
import io.augment.adapter.out.djl.train.WorkerSpec;
import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.AdaptationJob.TrainingMetrics;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
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
 * Drives one job's worker process: feeds it the spec, follows its progress, installs its artifact.
 * A failure is reported in words without absolute paths ({@link WorkerFailure}).
 */
final class FineTuneRun {
  private static final System.Logger LOGGER = System.getLogger(FineTuneRun.class.getName());
  private static final String WORKER_LOG = "worker.log";
  private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();

  private final ModelStore store;
  private final WorkerLauncher launcher;
  private final FineTuneJob job;
  private final Path folder;
  private final WorkerSpec spec;
  private int loggedDecile = -1;
  private long loggedAt;

  FineTuneRun(ModelStore store, WorkerLauncher launcher, FineTuneJob job, Path folder, WorkerSpec spec) {
    this.store = store;
    this.launcher = launcher;
    this.job = job;
    this.folder = folder;
    this.spec = spec;
  }

  void run() {
    if (!job.begin()) {
      return;
    }
    String name = job.state().request().name();
    WorkerResult result = null;
    String error = null;
    Deque<String> noise = new ArrayDeque<>();
    try {
      Json.write(Path.of(spec.corpusFile()), job.state().request().texts());
      Json.write(folder.resolve("spec.json"), spec);
      Folders.delete(Path.of(spec.outputDir()));
      Process process = launcher.start(folder.resolve("spec.json"), folder.resolve(WORKER_LOG));
      job.attach(process);
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
            case WorkerProtocol.STEP -> onStep(name, Json.parse(message.json(), JsonNode.class));
            case WorkerProtocol.RESULT -> result = Json.parse(message.json(), WorkerResult.class);
            case WorkerProtocol.ERROR -> error = Json.parse(message.json(), JsonNode.class).path("message").asText();
            default -> { }
          }
        }
      }
      int exit = process.waitFor();
      if (error == null && (result == null || exit != 0)) {
        List<String> last = new ArrayList<>(WorkerFailure.tail(folder.resolve(WORKER_LOG), WorkerFailure.TAIL_LINES));
        last.addAll(noise);
        error = WorkerFailure.describe(exit, last.subList(Math.max(0, last.size() - WorkerFailure.TAIL_LINES),
            last.size()), store.root());
      }
    } catch (IOException | RuntimeException e) {
      error = e.getMessage() == null ? "the training run failed" : e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    WorkerResult finished = result;
    AdaptationJob state = job.complete(WorkerFailure.redact(error, store.root()), () -> install(finished),
        finished == null ? null : finalProgress(finished), finished == null ? null : metrics(finished));
    try {
      Folders.delete(Path.of(spec.outputDir()));
      Folders.delete(Path.of(spec.corpusFile()));
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "fine-tune " + name + ": cannot clean its job folder: " + e.getMessage());
    }
    log(name, state, result);
  }

  private void onStarted(JsonNode started) {
    TrainingMetrics metrics = new TrainingMetrics(started.path("totalParameters").asLong(),
        started.path("trainableParameters").asLong(), 0, List.of(), 0, 0, 0);
    int total = started.path("totalSteps").asInt();
    job.update(s -> with(s, JobStatus.RUNNING, new Progress(0, total, "steps", 0, null), metrics, null));
  }

  private void onStep(String name, JsonNode step) {
    int done = step.path("step").asInt();
    int total = step.path("totalSteps").asInt();
    Progress progress = job.progress(done, total, step.path("tokensPerSecond").asDouble());
    job.update(s -> with(s, JobStatus.RUNNING, progress, s.metrics(), null));
    int decile = (int) (progress.percent() / 10);
    if (decile > loggedDecile || System.nanoTime() - loggedAt > LOG_INTERVAL_NANOS) {
      loggedDecile = decile;
      loggedAt = System.nanoTime();
      LOGGER.log(System.Logger.Level.INFO, String.format("fine-tune %s: %.0f%% (%d/%d steps), %.0f tokens/s, ETA %s, loss %.4f",
          name, progress.percent(), done, total, progress.ratePerSecond(), eta(progress.eta()),
          step.path("loss").asDouble()));
    }
  }

  private void install(WorkerResult result) throws IOException {
    if (result == null) {
      throw new IOException("the training worker reported no result");
    }
    var request = job.state().request();
    boolean scratch = request.baseModel().equals(ModelStore.SCRATCH);
    ArtifactInfo info = new ArtifactInfo(request.name(), request.baseModel(),
        request.method() == AdaptationMethod.LORA ? AdaptationMethod.LORA : AdaptationMethod.FULL,
        scratch ? ArtifactInfo.Origin.PRETRAINED : ArtifactInfo.Origin.FINE_TUNED, Instant.now().toString(),
        result.cost());
    Path staging = Path.of(spec.outputDir());
    if (!Files.isDirectory(staging)) {
      throw new IOException("the worker wrote no artifact");
    }
    try {
      store.install(staging, info);
    } catch (RuntimeException e) {
      throw new IOException(WorkerFailure.redact(e.getMessage(), store.root()), e);
    }
  }

  private Progress finalProgress(WorkerResult result) {
    return new Progress(result.steps(), Math.max(result.steps(), job.state().progress().total()), "steps",
        result.tokensPerSecond(), Duration.ZERO);
  }

  private static TrainingMetrics metrics(WorkerResult result) {
    return new TrainingMetrics(result.totalParameters(), result.trainableParameters(), result.tokensPerSecond(),
        result.lossCurve(), result.peakHeapBytes(), result.peakNativeBytes(), result.artifactBytes());
  }

  private static void log(String name, AdaptationJob state, WorkerResult result) {
    switch (state.status()) {
      case CANCELLED -> LOGGER.log(System.Logger.Level.INFO, "fine-tune " + name + ": cancelled");
      case SUCCEEDED -> LOGGER.log(System.Logger.Level.INFO, String.format("fine-tune %s: done, %d steps, %.0f tokens/s,"
          + " trainable %.2f%%, %d artifact bytes", name, result.steps(), result.tokensPerSecond(),
          state.metrics().trainablePercent(), result.artifactBytes()));
      default -> LOGGER.log(System.Logger.Level.WARNING, "fine-tune " + name + " failed: " + state.error());
    }
  }

  private static AdaptationJob with(AdaptationJob s, JobStatus status, Progress progress, TrainingMetrics metrics,
      String error) {
    return new AdaptationJob(s.id(), s.request(), status, progress, metrics, error);
  }

  private static String eta(Duration eta) {
    if (eta == null) {
      return "?";
    }
    long seconds = eta.toSeconds();
    return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
