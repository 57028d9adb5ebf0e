package io.augment.bootstrap;

import io.augment.domain.tenant.TenantId;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;

/** The local engine's generator, with the engine built on the first generation rather than at start-up. */
final class EngineGenerator implements Generator {
  private final LocalEngine engine;
  private final TenantId tenant;

  /** The operator's engine generator (provider {@code local}). */
  EngineGenerator(LocalEngine engine) {
    this(engine, TenantId.DEFAULT);
  }

  /** A tenant's generator over its own trained models. */
  EngineGenerator(LocalEngine engine, TenantId tenant) {
    this.engine = engine;
    this.tenant = tenant;
  }

  TenantId tenant() {
    return tenant;
  }

  @Override
  public String id() {
    return engine.generatorId();
  }

  @Override
  public Generation generate(Prompt prompt, GenerationOptions options) {
    return engine.get(tenant).generator().generate(prompt, options);
  }

  @Override
  public boolean fits(Prompt prompt, GenerationOptions options) {
    return engine.get(tenant).generator().fits(prompt, options);
  }

  @Override
  public void stream(Prompt prompt, GenerationOptions options, TokenSink sink) {
    engine.get(tenant).generator().stream(prompt, options, sink);
  }
}
