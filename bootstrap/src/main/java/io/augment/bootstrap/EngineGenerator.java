package io.augment.bootstrap;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;

/** The local engine's generator, with the engine built on the first generation rather than at start-up. */
final class EngineGenerator implements Generator {
  private final LocalEngine engine;

  EngineGenerator(LocalEngine engine) {
    this.engine = engine;
  }

  @Override
  public String id() {
    return engine.generatorId();
  }

  @Override
  public Generation generate(Prompt prompt, GenerationOptions options) {
    return engine.get().generator().generate(prompt, options);
  }

  @Override
  public void stream(Prompt prompt, GenerationOptions options, TokenSink sink) {
    engine.get().generator().stream(prompt, options, sink);
  }
}
