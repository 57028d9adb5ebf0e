package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;

/**
 * What a training worker process is asked to do, written as JSON into the job's folder.
 *
 * @param kind            what to train
 * @param baseModel       name of the base model (recorded in adapters); null when pretraining
 * @param baseModelDir    checkpoint folder to start from; null when pretraining
 * @param scratchModel    size of a model pretrained from scratch (its vocabSize is the BPE target)
 * @param lora            adapter settings for {@link Kind#LORA}
 * @param training        optimiser settings
 * @param corpusFile      JSON array of {@link TrainingText}s
 * @param validationFile  JSON array of validation {@link TrainingText}s; null for none
 * @param outputDir       where the checkpoint or adapter is written
 * @param threads         intra-op threads, 0 for the engine's default
 * @param name            the artifact being trained
 * @param lockFile        the {@link TrainingLock} the worker holds on {@code name} while it trains
 * @param checkpointDir   where checkpoints {@code step-<n>/} are saved
 * @param checkpointEvery steps between checkpoints, 0 for about every 10% of the run
 * @param keepCheckpoints checkpoints kept (the newest), at least 1
 * @param resumeFrom      the checkpoint folder to continue from; null to start at step 0
 */
public record WorkerSpec(Kind kind, String baseModel, String baseModelDir, GptConfig scratchModel, LoraSettings lora,
    TrainingSettings training, String corpusFile, String validationFile, String outputDir, int threads, String name,
    String lockFile, String checkpointDir, int checkpointEvery, int keepCheckpoints, String resumeFrom) {

  /** Pretraining from scratch, full fine-tuning, or LoRA. */
  public enum Kind {
    PRETRAIN, FULL, LORA
  }

  /** The same run continued from {@code checkpoint} (null: from the start). */
  public WorkerSpec resumingFrom(String checkpoint) {
    return new WorkerSpec(kind, baseModel, baseModelDir, scratchModel, lora, training, corpusFile, validationFile,
        outputDir, threads, name, lockFile, checkpointDir, checkpointEvery, keepCheckpoints, checkpoint);
  }
}
