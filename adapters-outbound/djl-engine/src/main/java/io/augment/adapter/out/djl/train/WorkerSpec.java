package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingSettings;

/**
 * What a training worker process is asked to do, written as JSON into the job's folder.
 *
 * @param kind          what to train
 * @param baseModel     name of the base model (recorded in adapters); null when pretraining
 * @param baseModelDir  checkpoint folder to start from; null when pretraining
 * @param scratchModel  size of a model pretrained from scratch (its vocabSize is the BPE target)
 * @param lora          adapter settings for {@link Kind#LORA}
 * @param training      optimiser settings
 * @param corpusFile    JSON array of training texts
 * @param outputDir     where the checkpoint or adapter is written
 * @param threads       intra-op threads, 0 for the engine's default
 * @param name          the artifact being trained
 * @param lockFile      the {@link TrainingLock} the worker holds on {@code name} while it trains
 */
public record WorkerSpec(Kind kind, String baseModel, String baseModelDir, GptConfig scratchModel, LoraSettings lora,
    TrainingSettings training, String corpusFile, String outputDir, int threads, String name, String lockFile) {

  /** Pretraining from scratch, full fine-tuning, or LoRA. */
  public enum Kind {
    PRETRAIN, FULL, LORA
  }
}
