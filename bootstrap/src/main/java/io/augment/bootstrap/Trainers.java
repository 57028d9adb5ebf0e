package io.augment.bootstrap;

import io.augment.application.adaptation.NoTrainer;
import io.augment.adapter.out.djl.DjlEngine;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.generation.Generator;
import io.augment.domain.tenant.TenantId;

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

  private Trainer remote(TenantId tenant) {
    throw new IllegalStateException("not wired yet");
  }

  private static Trainer none(String why) {
    NoTrainer none = new NoTrainer(why);
    return new Trainer(none, none, null, false);
  }
}
