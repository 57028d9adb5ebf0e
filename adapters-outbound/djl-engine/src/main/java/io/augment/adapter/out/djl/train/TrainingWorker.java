package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.format.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Main class of a training worker process: {@code TrainingWorker <spec.json>}. Speaks to its parent
 * on stdout in lines starting with {@link WorkerProtocol#PREFIX}; anything else there is noise.
 */
public final class TrainingWorker {
  private TrainingWorker() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    try {
      WorkerSpec spec = Json.read(Path.of(args[0]), WorkerSpec.class);
      WorkerResult result = TrainingRun.execute(spec, new TrainingRun.Listener() {
        @Override
        public void onStart(long totalParameters, long trainableParameters, int totalSteps) {
          out.println(WorkerProtocol.line(WorkerProtocol.STARTED, Map.of("totalParameters", totalParameters,
              "trainableParameters", trainableParameters, "totalSteps", totalSteps)));
        }

        @Override
        public void onStep(int step, int totalSteps, double loss, double tokensPerSecond) {
          out.println(WorkerProtocol.line(WorkerProtocol.STEP, Map.of("step", step, "totalSteps", totalSteps,
              "loss", loss, "tokensPerSecond", tokensPerSecond)));
        }
      });
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
