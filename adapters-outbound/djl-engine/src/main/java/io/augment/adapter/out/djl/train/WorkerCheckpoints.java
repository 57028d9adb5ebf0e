package io.augment.adapter.out.djl.train;

import ai.djl.engine.Engine;
import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.format.SafeTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * The worker's side of a resumable run. Every {@code every} steps (never at the last, whose result
 * is the artifact) it saves {@code step-<n>/} atomically: written as {@code .tmp-step-<n>/}, every
 * file flushed, renamed into place; it holds the weights ({@code save}), the optimiser state
 * ({@value #OPTIMIZER}) and {@link CheckpointState}. Then it keeps the newest {@code keep}.
 * Resuming restores the optimiser and skips the batches already seen. Before each step it seeds
 * PyTorch from the run's seed and the step, so dropout draws the same masks in a resumed run.
 */
public final class WorkerCheckpoints implements Trainer.Session {
  static final String OPTIMIZER = "optimizer.safetensors";

  /** Told of each checkpoint once it is in place. */
  interface Saved {
    void saved(String id, int step);
  }

  private final Path dir;
  private final int every;
  private final int keep;
  private final int totalSteps;
  private final Consumer<Path> saveWeights;
  private final DoubleSupplier validation;
  private final TokenBatches batches;
  private final Path resumeFrom;
  private final long seed;
  private final Saved saved;
  private double lossSum;
  private int lossCount;

  WorkerCheckpoints(Path dir, int every, int keep, int totalSteps, Consumer<Path> saveWeights,
      DoubleSupplier validation, TokenBatches batches, Path resumeFrom, long seed, Saved saved) {
    this.dir = dir;
    this.every = every > 0 ? every : Math.max(1, totalSteps / 10);
    this.keep = Math.max(1, keep);
    this.totalSteps = totalSteps;
    this.saveWeights = saveWeights;
    this.validation = validation;
    this.batches = batches;
    this.resumeFrom = resumeFrom;
    this.seed = seed;
    this.saved = saved;
  }

  @Override
  public Trainer.Position begin(Optimizer optimizer) {
    removePartial();
    if (resumeFrom == null) {
      return Trainer.Position.START;
    }
    CheckpointState state = Json.read(resumeFrom.resolve(CheckpointState.FILE), CheckpointState.class);
    optimizer.restore(SafeTensors.read(resumeFrom.resolve(OPTIMIZER)).tensors());
    batches.skip(state.step());
    return new Trainer.Position(state.step(), state.lossCurve(), state.intervalLoss(), state.seconds());
  }

  @Override
  public void beforeStep(int step) {
    Engine.getInstance().setRandomSeed((int) (seed * 1_000_003L + step));
  }

  @Override
  public Double afterStep(int step, double loss) {
    lossSum += loss;
    lossCount++;
    boolean measured = validation != null && (step == totalSteps || due(step));
    return measured ? validation.getAsDouble() : null;
  }

  private boolean due(int step) {
    return step % every == 0 && step < totalSteps;
  }

  @Override
  public void checkpoint(Trainer.Position position, Optimizer optimizer, Double validationLoss) {
    int step = position.step();
    if (!due(step)) {
      return;
    }
    String id = CheckpointState.id(step);
    Path staging = dir.resolve(".tmp-" + id);
    Folders.delete(staging);
    saveWeights.accept(staging);
    SafeTensors.write(staging.resolve(OPTIMIZER), optimizer.state(), Map.of());
    Json.write(staging.resolve(CheckpointState.FILE), new CheckpointState(step, lossSum / Math.max(1, lossCount),
        validationLoss, Instant.now().toString(), position.curve(), position.intervalLoss(), position.seconds()));
    Path target = dir.resolve(id);
    Folders.delete(target);
    Folders.commit(staging, target);
    lossSum = 0;
    lossCount = 0;
    prune();
    saved.saved(id, step);
  }

  /** Removes all but the newest {@code keep} checkpoints, each renamed aside first so none is seen half deleted. */
  private void prune() {
    List<Path> all = steps(dir);
    for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
      Path trash = dir.resolve(".trash-" + old.getFileName());
      try {
        Files.move(old, trash);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove checkpoint " + old.getFileName(), e);
      }
      Folders.delete(trash);
    }
  }

  private void removePartial() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      entries.filter(p -> p.getFileName().toString().startsWith(".")).forEach(Folders::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The complete checkpoints {@code step-<n>/} in {@code dir}, oldest first. */
  public static List<Path> steps(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> p.getFileName().toString().matches(CheckpointState.PREFIX + "\\d{1,9}"))
          .filter(p -> Files.isRegularFile(p.resolve(CheckpointState.FILE)))
          .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString()
              .substring(CheckpointState.PREFIX.length()))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
