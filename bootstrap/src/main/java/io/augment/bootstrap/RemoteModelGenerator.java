package io.augment.bootstrap;

import io.augment.adapter.out.llm.OpenAiCompatibleGenerator;
import io.augment.adapter.out.llm.ProviderConfig;
import io.augment.adapter.out.openaitrainer.RemoteTrainedModels;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;
import io.augment.domain.model.NotFoundException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the models a remote trainer made: a request for {@code adapter:<name>} is sent to the
 * remote's {@code /chat/completions} under the model id the remote gave the job
 * ({@code fine_tuned_model}), through the OpenAI-compatible generator.
 */
final class RemoteModelGenerator implements Generator {
  private final RemoteTrainedModels models;
  private final String baseUrl;
  private final String apiKey;
  private final Duration timeout;
  private final int retries;
  private final Map<String, Generator> byModel = new ConcurrentHashMap<>();

  RemoteModelGenerator(RemoteTrainedModels models, String baseUrl, String apiKey, Duration timeout, int retries) {
    this.models = models;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.retries = retries;
  }

  @Override
  public String id() {
    return "remote-trained";
  }

  @Override
  public Generation generate(Prompt prompt, GenerationOptions options) {
    return remote(options).generate(prompt, withoutAdapter(options));
  }

  @Override
  public void stream(Prompt prompt, GenerationOptions options, TokenSink sink) {
    remote(options).stream(prompt, withoutAdapter(options), sink);
  }

  private Generator remote(GenerationOptions options) {
    String name = options.adapter();
    if (name == null) {
      throw new NotFoundException("model or adapter", "(none named)");
    }
    String model = models.remoteModel(name).orElseThrow(() -> new NotFoundException("model or adapter", name));
    return byModel.computeIfAbsent(model, m -> new OpenAiCompatibleGenerator(
        new ProviderConfig(baseUrl, apiKey, m, timeout, retries)));
  }

  private static GenerationOptions withoutAdapter(GenerationOptions o) {
    return new GenerationOptions(o.maxTokens(), o.temperature(), o.topP(), o.stop(), null);
  }
}
