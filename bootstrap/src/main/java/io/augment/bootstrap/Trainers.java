package io.augment.bootstrap;

import io.augment.application.adaptation.NoTrainer;
import io.augment.adapter.out.djl.DjlEngine;
import io.augment.adapter.out.openaitrainer.OpenAiFineTuner;
import io.augment.adapter.out.openaitrainer.OpenAiTrainerConfig;
import io.augment.adapter.out.openaitrainer.RemoteTrainedModels;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.generation.Generator;
import io.augment.domain.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's trainer, chosen by {@code augment.fine-tuning.provider}: the local engine, a remote
 * OpenAI-compatible trainer, or none (501). A new trainer backend is one more case here.
 */
final class Trainers {
  /**
   * A tenant's trainer, the catalog of what it made, and the generator that serves those models
   * (null when there is none).
   *
   * @param local whether it is the local engine (the knowledge-injection benchmark pretrains on it)
   */
  record Trainer(FineTuner fineTuner, AdapterCatalog catalog, Generator generator, boolean local) {}

  private final AugmentConfig config;
  private final LocalEngine engine;
  private final Generator configured;
  private final Map<TenantId, OpenAiFineTuner> remotes = new ConcurrentHashMap<>();

  Trainers(AugmentConfig config, LocalEngine engine, Generator configured) {
    this.config = config;
    this.engine = engine;
    this.configured = configured;
  }

  Trainer of(TenantId tenant) {
    return switch (config.fineTuning().provider()) {
      case LOCAL -> engine.enabled() ? local(tenant)
          : none("fine-tuning needs the local engine, which is switched off (augment.engine.enabled=false)");
      case OPENAI -> remote(tenant);
      case NONE -> none("fine-tuning is switched off on this server (augment.fine-tuning.provider=none)");
    };
  }

  private Trainer local(TenantId tenant) {
    DjlEngine e = engine.get(tenant);
    // The configured generator is the operator's engine generator when generation.provider=local.
    Generator generator = configured instanceof EngineGenerator shared && shared.tenant().equals(tenant) ? shared
        : new EngineGenerator(engine, tenant);
    return new Trainer(e.fineTuner(), e.catalog(), generator, true);
  }

  /** The remote trainer; each tenant keeps its jobs' state under its own folder. */
  private Trainer remote(TenantId tenant) {
    AugmentConfig.FineTuning.Remote r = config.fineTuning().openai();
    Path state = (tenant.isDefault() ? config.dataDir() : TenantFolders.of(config, tenant)).resolve("remote-trainer");
    String key = r.apiKey().orElse(null);
    FineTuneDefaults d = OpenAiTrainerConfig.DEFAULTS;
    OpenAiTrainerConfig c = new OpenAiTrainerConfig(r.baseUrl(), key, state)
        .withPollInterval(r.pollInterval())
        .withRetries(r.timeout(), r.retries(), Duration.ofMillis(500), Duration.ofSeconds(8))
        .withDefaults(new FineTuneDefaults(d.lora(), d.loraLearningRate(), d.fullLearningRate(), r.baseModel().orElse(null)));
    OpenAiFineTuner trainer = remotes.computeIfAbsent(tenant, t -> new OpenAiFineTuner(c));
    RemoteTrainedModels models = trainer.trainedModels();
    return new Trainer(trainer, models, new RemoteModelGenerator(models, c.baseUrl(), key, r.timeout(), r.retries()), false);
  }

  /** Stops following remote jobs (they resume at the next start). */
  void close() {
    remotes.values().forEach(OpenAiFineTuner::close);
  }

  private static Trainer none(String why) {
    NoTrainer none = new NoTrainer(why);
    return new Trainer(none, none, null, false);
  }
}
