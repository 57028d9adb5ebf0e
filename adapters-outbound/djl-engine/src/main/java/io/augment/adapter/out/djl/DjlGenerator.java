package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.generate.GenerationLoop;
import io.augment.adapter.out.djl.generate.PromptText;
import io.augment.adapter.out.djl.generate.ResidentModels;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;
import io.augment.domain.generation.TokenUsage;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Generates with a local model: the default model, or the adapter or model named in
 * {@link GenerationOptions#adapter()}. Adapters stay resident over their base model.
 */
public final class DjlGenerator implements Generator {
  private final ResidentModels models;
  private final String defaultModel;

  public DjlGenerator(ResidentModels models, String defaultModel) {
    this.models = models;
    this.defaultModel = defaultModel;
  }

  /** The id of a generator whose default model is {@code defaultModel} (may be null). */
  public static String idFor(String defaultModel) {
    return "djl:" + (defaultModel == null ? "local" : defaultModel);
  }

  @Override
  public String id() {
    return idFor(defaultModel);
  }

  @Override
  public Generation generate(Prompt prompt, GenerationOptions options) {
    return run(prompt, options, piece -> { });
  }

  @Override
  public void stream(Prompt prompt, GenerationOptions options, TokenSink sink) {
    Generation generation;
    try {
      generation = run(prompt, options, sink::token);
    } catch (RuntimeException e) {
      sink.error(e);
      return;
    }
    sink.complete(generation);
  }

  /** The rendered prompt's tokens plus {@code maxTokens} within the answering model's context length. */
  @Override
  public boolean fits(Prompt prompt, GenerationOptions options) {
    return models.with(options.adapter(), defaultModel, served ->
        served.model().tokenizer().encode(PromptText.render(prompt)).length + options.maxTokens()
            <= served.model().model().config().contextLength());
  }

  private Generation run(Prompt prompt, GenerationOptions options, Consumer<String> pieces) {
    GenerationLoop.Outcome outcome = models.with(options.adapter(), defaultModel, served ->
        GenerationLoop.run(served.model().model(), served.model().tokenizer(), served.delta(),
            PromptText.render(prompt), options, pieces, new Random()));
    return new Generation(outcome.text(), id(), false,
        new TokenUsage(outcome.promptTokens(), outcome.completionTokens()), outcome.finishReason());
  }
}
