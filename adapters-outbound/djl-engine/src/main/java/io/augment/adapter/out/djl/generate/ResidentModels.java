package io.augment.adapter.out.djl.generate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.augment.adapter.out.djl.ArtifactInfo;
import io.augment.adapter.out.djl.ModelStore;
import io.augment.adapter.out.djl.format.GptCheckpoint;
import io.augment.adapter.out.djl.format.PeftAdapterIo;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.model.LoraInference;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Models and adapters loaded for generation, kept in memory: each base model once, any number of
 * LoRA adapters over it (no merge, no reload). Work on them runs under one lock, which also keeps
 * concurrent requests from oversubscribing the cores.
 */
public final class ResidentModels implements AutoCloseable {
  private final ModelStore store;
  private final int threads;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Map<String, GptCheckpoint.Loaded> models = new HashMap<>();
  private final Map<String, LoraInference> adapters = new HashMap<>();
  private NDManager manager;

  /** {@code threads}: PyTorch intra-op threads set when the engine is first used, 0 to leave the default. */
  public ResidentModels(ModelStore store, int threads) {
    this.store = store;
    this.threads = threads;
  }

  /** What a request runs on: a model, its tokenizer, and the adapter's update (or none). */
  public record Served(GptCheckpoint.Loaded model, LoraDelta delta) {}

  /** Runs {@code work} on {@code adapter} (or {@code defaultModel} when null) under the lock. */
  public <T> T with(String adapter, String defaultModel, Function<Served, T> work) {
    lock.lock();
    try {
      return work.apply(resolve(adapter == null || adapter.isBlank() ? defaultModel : adapter));
    } finally {
      lock.unlock();
    }
  }

  private Served resolve(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("adapter", "no model named and no default model configured");
    }
    ArtifactInfo info = store.find(name).orElseThrow(() -> new NotFoundException("model or adapter", name));
    if (!info.isAdapter()) {
      return new Served(model(info), LoraDelta.NONE);
    }
    GptCheckpoint.Loaded base = model(store.find(info.baseModel())
        .orElseThrow(() -> new NotFoundException("base model", info.baseModel())));
    LoraInference adapter = adapters.get(name);
    if (adapter == null) {
      try (NDManager scratch = manager().newSubManager()) {
        PeftAdapterIo.Read read = PeftAdapterIo.read(store.folder(info), scratch);
        adapter = new LoraInference(base.model().config(), read.weights(), manager());
      }
      adapters.put(name, adapter);
    }
    return new Served(base, adapter);
  }

  private GptCheckpoint.Loaded model(ArtifactInfo info) {
    return models.computeIfAbsent(info.name(), n -> GptCheckpoint.read(store.folder(info), manager()));
  }

  private NDManager manager() {
    if (manager == null) {
      manager = Engine.getEngine("PyTorch").newBaseManager();
      if (threads > 0) {
        JniUtils.setNumThreads(threads);
      }
    }
    return manager;
  }

  /** Drops a model or adapter from memory (after deletion); waits for running work. */
  public void evict(String name) {
    lock.lock();
    try {
      LoraInference adapter = adapters.remove(name);
      if (adapter != null) {
        adapter.close();
      }
      GptCheckpoint.Loaded model = models.remove(name);
      if (model != null) {
        model.close();
      }
    } finally {
      lock.unlock();
    }
  }

  public int residentAdapters() {
    return adapters.size();
  }

  public int residentModels() {
    return models.size();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      adapters.values().forEach(LoraInference::close);
      adapters.clear();
      models.values().forEach(GptCheckpoint.Loaded::close);
      models.clear();
      if (manager != null) {
        manager.close();
        manager = null;
      }
    } finally {
      lock.unlock();
    }
  }
}
