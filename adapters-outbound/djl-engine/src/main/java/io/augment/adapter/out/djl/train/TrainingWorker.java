package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.format.Json;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Main class of a training worker process: {@code TrainingWorker <spec.json>}. Speaks to its parent
 * on stdout in lines starting with {@link WorkerProtocol#PREFIX}; anything else there is noise.
 * It dies with its parent ({@link ParentWatch}) and holds the {@link TrainingLock} on the name it
 * trains, so two workers never train the same name. Its stdin must be a pipe the parent keeps open
 * ({@link WorkerLauncher} does this): end-of-file there stops the worker.
 */
public final class TrainingWorker {
  private TrainingWorker() {}

  public static void main(String[] args) {
    ParentWatch.start(new FileInputStream(FileDescriptor.in));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    try {
      WorkerSpec spec = Json.read(Path.of(args[0]), WorkerSpec.class);
      WorkerResult result;
      try (TrainingLock lock = TrainingLock.acquire(Path.of(spec.lockFile()), spec.name())) {
        result = TrainingRun.execute(spec, new TrainingRun.Listener() {
          @Override
          public void onStart(long totalParameters, long trainableParameters, int totalSteps) {
            out.println(WorkerProtocol.line(WorkerProtocol.STARTED, Map.of("totalParameters", totalParameters,
                "trainableParameters", trainableParameters, "totalSteps", totalSteps)));
          }

          @Override
          public void onStep(int step, int totalSteps, double loss, double tokensPerSecond) {
            onStep(step, totalSteps, loss, null, tokensPerSecond);
          }

          @Override
          public void onStep(int step, int totalSteps, double loss, Double validationLoss, double tokensPerSecond) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("step", step);
            message.put("totalSteps", totalSteps);
            message.put("loss", loss);
            message.put("validationLoss", validationLoss);
            message.put("tokensPerSecond", tokensPerSecond);
            out.println(WorkerProtocol.line(WorkerProtocol.STEP, message));
          }

          @Override
          public void onCheckpoint(String id, int step) {
            out.println(WorkerProtocol.line(WorkerProtocol.CHECKPOINT, Map.of("id", id, "step", step)));
          }
        });
      }
      out.println(WorkerProtocol.line(WorkerProtocol.RESULT, result));
      out.flush();
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      out.println(WorkerProtocol.line(WorkerProtocol.ERROR, Map.of("message", message,
          "type", e.getClass().getSimpleName())));
      out.flush();
      System.exit(1);
    }
  }
}
