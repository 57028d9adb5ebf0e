package io.augment.adapter.out.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;

/**
 * A chat model behind an OpenAI-compatible {@code /chat/completions} API: OpenAI itself, vLLM,
 * llama.cpp's server, LM Studio, Ollama's {@code /v1}. Id: {@code openai:<model>}.
 */
public final class OpenAiCompatibleGenerator implements Generator {
  private final GuardedChat chat;

  public OpenAiCompatibleGenerator(ProviderConfig config) {
    // LangChain4j's own retries are off: ProviderGuard retries, so attempts are counted once.
    OpenAiChatModel blocking = OpenAiChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(config.baseUrl())
        .apiKey(config.apiKey())
        .modelName(config.model())
        .customHeaders(config.headers())
        .timeout(config.timeout())
        .maxRetries(0)
        .build();
    OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(config.baseUrl())
        .apiKey(config.apiKey())
        .modelName(config.model())
        .customHeaders(config.headers())
        .timeout(config.timeout())
        .build();
    ProviderGuard guard = new ProviderGuard("openai:" + config.model(), config.baseUrl(), config.resilience());
    this.chat = new GuardedChat(blocking, streaming, guard, config.timeout());
  }

  @Override
  public String id() {
    return chat.id();
  }

  @Override
  public Generation generate(Prompt prompt, GenerationOptions options) {
    return chat.generate(prompt, options);
  }

  @Override
  public void stream(Prompt prompt, GenerationOptions options, TokenSink sink) {
    chat.stream(prompt, options, sink);
  }
}
