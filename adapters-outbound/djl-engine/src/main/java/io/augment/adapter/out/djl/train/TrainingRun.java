package io.augment.adapter.out.djl.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.core.type.TypeReference;
import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.format.GptCheckpoint;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.format.PeftAdapterIo;
import io.augment.adapter.out.djl.format.SafeTensors;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.GptWeights;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.model.LoraSpec;
import io.augment.adapter.out.djl.model.LoraTarget;
import io.augment.adapter.out.djl.model.LoraWeights;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import io.augment.adapter.out.djl.tokenizer.BpeTrainer;
import io.augment.domain.adaptation.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link WorkerSpec} in this process: load or create the model (or the checkpoint it
 * resumes from), train with checkpoints ({@link WorkerCheckpoints}), write the artifact.
 */
public final class TrainingRun {
  static final String CHECKPOINT_MODEL = "model";
  static final String CHECKPOINT_ADAPTER = "lora.safetensors";

  private TrainingRun() {}

  /** Receives the parameter counts once known, then every step and every checkpoint. */
  public interface Listener extends Trainer.Listener {
    void onStart(long totalParameters, long trainableParameters, int totalSteps);

    void onCheckpoint(String id, int step);
  }

  public static WorkerResult execute(WorkerSpec spec, Listener listener) {
    Engine engine = Engine.getEngine("PyTorch");
    if (spec.threads() > 0) {
      JniUtils.setNumThreads(spec.threads());
    }
    List<TrainingText> corpus = texts(Path.of(spec.corpusFile()));
    List<String> texts = corpus.stream().map(TrainingText::text).toList();
    List<TrainingText> validationTexts = spec.validationFile() == null ? List.of() : texts(Path.of(spec.validationFile()));
    Path resume = spec.resumeFrom() == null ? null : Path.of(spec.resumeFrom());
    boolean resumeWeights = resume != null && spec.kind() != WorkerSpec.Kind.LORA;
    TrainingSettings training = spec.training();
    try (MemoryProbe probe = new MemoryProbe(); NDManager manager = engine.newBaseManager()) {
      GptModel model;
      BpeTokenizer tokenizer;
      if (resumeWeights || spec.kind() != WorkerSpec.Kind.PRETRAIN) {
        GptCheckpoint.Loaded loaded = GptCheckpoint.read(resumeWeights ? resume.resolve(CHECKPOINT_MODEL)
            : Path.of(spec.baseModelDir()), manager);
        model = loaded.model();
        tokenizer = loaded.tokenizer();
      } else {
        tokenizer = BpeTrainer.train(texts, spec.scratchModel().vocabSize());
        GptConfig config = spec.scratchModel().withVocabSize(tokenizer.vocabSize());
        model = GptWeights.initialize(config, manager, training.seed());
      }
      int sequence = Math.min(training.sequenceLength(), model.config().contextLength());
      TokenBatches batches = TokenBatches.ofTexts(corpus, tokenizer, training.batchSize(), sequence, training.seed());
      int steps = training.maxSteps() > 0 ? training.maxSteps()
          : (int) Math.min((long) training.epochs() * batches.stepsPerEpoch(), TrainingSettings.MAX_STEPS);
      LoraWeights lora = spec.kind() == WorkerSpec.Kind.LORA ? LoraWeights.initialize(model.config(),
          new LoraSpec(spec.lora().rank(), spec.lora().alpha(), spec.lora().dropout(),
              LoraTarget.parse(spec.lora().targetModules())), manager, training.seed()) : null;
      if (lora != null && resume != null) {
        lora.load(SafeTensors.read(resume.resolve(CHECKPOINT_ADAPTER)).tensors());
      }
      long trainable = lora == null ? model.parameterCount() : lora.trainableCount();
      long total = model.parameterCount() + (lora == null ? 0 : lora.trainableCount());
      ValidationSet validation = validationTexts.isEmpty() ? null
          : ValidationSet.ofTexts(validationTexts, tokenizer, sequence);
      GptModel trained = model;
      WorkerCheckpoints checkpoints = new WorkerCheckpoints(Path.of(spec.checkpointDir()), spec.checkpointEvery(),
          spec.keepCheckpoints(), steps,
          dir -> {
            if (lora != null) {
              SafeTensors.write(dir.resolve(CHECKPOINT_ADAPTER), lora.rawTensors(), Map.of());
            } else {
              GptCheckpoint.write(dir.resolve(CHECKPOINT_MODEL), trained, tokenizer);
            }
          },
          validation == null ? null : () -> validation.loss(trained,
              lora == null ? LoraDelta.NONE : lora.evaluationDelta()),
          batches, resume, training.seed(), listener::onCheckpoint);
      listener.onStart(total, trainable, steps);
      Trainer.Result result = Trainer.train(model, lora, batches, steps, training.learningRate(), listener,
          () -> false, Trainer.ADAMW, checkpoints);
      Path output = Path.of(spec.outputDir());
      if (lora != null) {
        PeftAdapterIo.write(output, lora, spec.baseModel());
      } else {
        GptCheckpoint.write(output, model, tokenizer);
      }
      return new WorkerResult(total, trainable, result.tokensPerSecond(), result.lossCurve(), probe.peakHeapBytes(),
          probe.peakNativeBytes(), MemoryProbe.peakResidentBytes(), Folders.bytes(output), result.steps(),
          result.seconds(), result.tokens());
    }
  }

  private static List<TrainingText> texts(Path file) {
    try {
      return Json.MAPPER.readValue(file.toFile(), new TypeReference<List<TrainingText>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + file, e);
    }
  }
}
