package io.augment.adapter.out.djl;

import io.augment.domain.adaptation.AdaptationJob.TrainingMetrics;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Synchronous training operations over a {@link ModelStore}: pretraining from scratch, importing a
 * Hugging Face GPT-2 checkpoint, full and LoRA fine-tuning. Runs on the caller's thread; one
 * training at a time per JVM (see {@link Trainer}).
 */
public final class DjlLocalEngine {
  private final ModelStore store;

  public DjlLocalEngine(Path root) {
    this.store = new ModelStore(root);
  }

  public ModelStore store() {
    return store;
  }

  /** Trains a tokenizer and a fresh model on {@code texts}; saves it as {@code models/<name>}. */
  public TrainingMetrics pretrain(String name, GptConfig config, List<String> texts, TrainingSettings s,
      Trainer.Listener listener) {
    if (store.hasModel(name)) {
      throw new AlreadyExistsException("model", name);
    }
    ByteBpeTokenizer tokenizer = ByteBpeTokenizer.train(texts, Math.min(config.vocabSize(), 257 + 2000));
    if (tokenizer.vocabSize() > config.vocabSize()) {
      throw new InvalidInputException("vocabSize", "must be at least 257");
    }
    try (GptWeights w = GptWeights.initialise(config, s.seed())) {
      Trainer.Result r = Trainer.train(w, null, encode(tokenizer, texts), s, listener);
      long bytes = ModelStore.saveTo(store.modelDir(name), w, tokenizer);
      return metrics(r, bytes);
    }
  }

  /**
   * Imports a Hugging Face GPT-2 folder ({@code config.json}, {@code model.safetensors}, optional
   * {@code tokenizer.json} in this engine's format). Without a tokenizer, plain bytes are used.
   */
  public GptConfig importGpt2(Path hfDir, String name) {
    try (LoadedModel m = ModelStore.loadFrom(hfDir)) {
      ModelStore.saveTo(store.modelDir(name), m.weights(), m.tokenizer());
      return m.weights().config();
    }
  }

  public TrainingMetrics fineTune(FineTuneRequest request, Trainer.Listener listener) {
    validate(request);
    try (LoadedModel base = store.loadModel(request.baseModel())) {
      int[] tokens = encode(base.tokenizer(), request.texts());
      Path dir = store.adapterDir(request.name());
      if (request.method() == AdaptationMethod.FULL) {
        Trainer.Result r = Trainer.train(base.weights(), null, tokens, request.training(), listener);
        if (r.cancelled()) {
          return metrics(r, 0);
        }
        long bytes = ModelStore.saveTo(dir, base.weights(), base.tokenizer());
        ModelStore.writeAdapterMeta(dir, request.baseModel());
        return metrics(r, bytes);
      }
      try (LoraAdapter lora = LoraAdapter.create(base.weights().config(), request.lora(), request.baseModel(),
          request.training().seed())) {
        Trainer.Result r = Trainer.train(base.weights(), lora, tokens, request.training(), listener);
        return metrics(r, r.cancelled() ? 0 : PeftFormat.save(lora, dir));
      }
    }
  }

  void validate(FineTuneRequest request) {
    if (!store.hasModel(request.baseModel())) {
      throw new NotFoundException("model", request.baseModel());
    }
    if (store.hasAdapter(request.name()) || Files.exists(store.adapterDir(request.name()))) {
      throw new AlreadyExistsException("adapter", request.name());
    }
    if (request.texts().isEmpty()) {
      throw new InvalidInputException("texts", "must not be empty");
    }
    if (request.lora() != null) {
      LoraTargets.resolve(request.lora().targetModules());
    }
  }

  static int[] encode(ByteBpeTokenizer tokenizer, List<String> texts) {
    List<int[]> parts = new ArrayList<>();
    int n = 0;
    for (String t : texts) {
      int[] ids = tokenizer.encode(t);
      parts.add(ids);
      n += ids.length + 1;
    }
    int[] all = new int[n];
    int at = 0;
    for (int[] ids : parts) {
      System.arraycopy(ids, 0, all, at, ids.length);
      at += ids.length;
      all[at++] = tokenizer.eos();
    }
    return all;
  }

  private static TrainingMetrics metrics(Trainer.Result r, long artifactBytes) {
    return new TrainingMetrics(r.totalParameters(), r.trainableParameters(), r.tokensPerSecond(), r.losses(),
        r.peakHeapBytes(), r.peakNativeBytes(), artifactBytes);
  }
}
