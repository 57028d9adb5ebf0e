package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.GptCheckpoint;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.model.LoraTarget;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.model.InvalidInputException;
import java.nio.file.Path;

/**
 * The ranges of a request that depend on its base model, checked before the job is queued: the
 * sequence length within the model's context, the LoRA rank within its width, known LoRA targets.
 */
final class BaseModelLimits {
  private BaseModelLimits() {}

  /** The size of the checkpoint in {@code folder}, read from its {@code config.json} only. */
  static GptConfig config(Path folder) {
    try {
      return GptConfig.fromHuggingFace(Json.read(folder.resolve(GptCheckpoint.CONFIG)));
    } catch (RuntimeException e) {
      throw new InvalidInputException("baseModel", "its config.json cannot be read as a GPT-2 configuration");
    }
  }

  static void check(FineTuneRequest request, GptConfig base) {
    int sequence = request.training().sequenceLength();
    if (sequence > base.contextLength()) {
      throw new InvalidInputException("training.sequenceLength", "must be at most the base model's context length ("
          + base.contextLength() + " tokens), got " + sequence);
    }
    if (request.method() != AdaptationMethod.LORA) {
      return;
    }
    try {
      LoraTarget.parse(request.lora().targetModules());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("lora.targetModules", e.getMessage());
    }
    int rank = request.lora().rank();
    if (rank > base.dModel()) {
      throw new InvalidInputException("lora.rank", "must be at most the base model's width (" + base.dModel()
          + "), got " + rank);
    }
  }
}
