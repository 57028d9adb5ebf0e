package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.domain.adaptation.TrainingSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for the server in its own JVM: {@code WorkerParentStandIn <folder>} launches a long
 * training worker exactly as the engine does, prints {@code worker <pid>} once the worker has run
 * a step, then keeps draining the worker's output until it is killed.
 */
public final class WorkerParentStandIn {
  private WorkerParentStandIn() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    Json.write(folder.resolve("corpus.json"), TinyModels.corpus(50, 1));
    WorkerSpec spec = new WorkerSpec(WorkerSpec.Kind.PRETRAIN, null, null, GptConfig.of(320, 32, 32, 2, 2), null,
        new TrainingSettings(1, 100_000, 4, 16, 1e-3, 1), folder.resolve("corpus.json").toString(), null,
        folder.resolve("artifact").toString(), 1, "orphan", folder.resolve("orphan.lock").toString(),
        folder.resolve("checkpoints").toString(), 0, 2, null);
    Json.write(folder.resolve("spec.json"), spec);
    Process worker = new WorkerLauncher(256, List.of()).start(folder.resolve("spec.json"), folder.resolve("worker.log"));
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(),
        StandardCharsets.UTF_8))) {
      boolean told = false;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        WorkerProtocol.Message message = WorkerProtocol.Message.parse(line);
        if (!told && message != null && message.kind().equals(WorkerProtocol.STEP)) {
          System.out.println("worker " + worker.pid());
          System.out.flush();
          told = true;
        }
      }
    }
    System.out.println("worker ended " + worker.waitFor());
  }
}
