package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.train.CheckpointState;
import io.augment.adapter.out.djl.train.WorkerCheckpoints;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One job's folder {@code jobs/<id>/}: {@value #REQUEST} (everything a resume needs, written
 * durably before the job is accepted), {@code checkpoints/step-<n>/}, the worker's spec, texts and
 * log, the staged artifact, and {@value #RESULT} (what the run measured, written before install).
 * The folder is removed when the run ends.
 */
final class JobFolder {
  static final String REQUEST = "request.json";
  static final String RESULT = "result.json";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private final Path dir;

  private JobFolder(Path dir) {
    this.dir = dir;
  }

  /** The folder of job {@code id} under {@code store}; an id that could leave the jobs folder is refused. */
  static JobFolder of(ModelStore store, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidInputException("jobId", "must be 1-100 letters, digits, '_' or '-'");
    }
    return new JobFolder(store.jobs().resolve(id));
  }

  static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * The request as stored: rendered texts, since the worker trains on text, with how many leading
   * characters of each are context (prompts); the lengths are null in folders written before they
   * were stored, which trained on every token.
   */
  record StoredRequest(String name, String baseModel, AdaptationMethod method, LoraSettings lora,
      TrainingSettings training, List<String> texts, List<String> validationTexts, List<Integer> contextLengths,
      List<Integer> validationContextLengths) {
    static StoredRequest of(FineTuneRequest request) {
      return new StoredRequest(request.name(), request.baseModel(), request.method(), request.lora(),
          request.training(), request.texts(), request.validationTexts(), request.contextLengths(),
          request.validationContextLengths());
    }

    FineTuneRequest request() {
      return new FineTuneRequest(name, baseModel, method, lora, training, examples(texts, contextLengths),
          validationTexts == null ? List.of() : examples(validationTexts, validationContextLengths));
    }

    private static List<TrainingExample> examples(List<String> texts, List<Integer> contextLengths) {
      List<TrainingExample> examples = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        String text = texts.get(i);
        int context = contextLengths == null ? 0 : contextLengths.get(i);
        examples.add(context == 0 ? new TrainingExample.Text(text)
            : new TrainingExample.PromptCompletion(text.substring(0, context), text.substring(context)));
      }
      return examples;
    }
  }

  Path dir() {
    return dir;
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  Path checkpoints() {
    return dir.resolve("checkpoints");
  }

  Path artifact() {
    return dir.resolve("artifact");
  }

  boolean exists() {
    return Files.isRegularFile(dir.resolve(REQUEST));
  }

  void writeRequest(FineTuneRequest request) {
    Folders.writeDurably(dir.resolve(REQUEST), Json.line(StoredRequest.of(request)));
    Folders.force(dir.getParent());
  }

  FineTuneRequest readRequest() {
    return Json.read(dir.resolve(REQUEST), StoredRequest.class).request();
  }

  /** The job's complete checkpoints, oldest first. */
  List<FineTuneCheckpoint> checkpointList() {
    List<FineTuneCheckpoint> all = new ArrayList<>();
    for (Path folder : WorkerCheckpoints.steps(checkpoints())) {
      try {
        CheckpointState state = Json.read(folder.resolve(CheckpointState.FILE), CheckpointState.class);
        all.add(new FineTuneCheckpoint(folder.getFileName().toString(), state.step(), state.trainLoss(),
            state.validationLoss(), Instant.parse(state.createdAt())));
      } catch (RuntimeException e) {
        // pruned while it was read: no longer kept
      }
    }
    return all;
  }

  /** The newest complete checkpoint's folder. */
  Optional<Path> lastCheckpoint() {
    List<Path> all = WorkerCheckpoints.steps(checkpoints());
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  void delete() {
    Folders.delete(dir);
  }
}
