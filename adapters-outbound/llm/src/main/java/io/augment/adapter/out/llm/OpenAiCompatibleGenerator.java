package io.augment.adapter.out.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * A chat model behind an OpenAI-compatible {@code /chat/completions} API: OpenAI itself, vLLM,
 * llama.cpp's server, LM Studio, Ollama's {@code /v1}. Id: {@code openai:<model>}.
 */
public final class OpenAiCompatibleGenerator extends GuardedChat {

  public OpenAiCompatibleGenerator(ProviderConfig config) {
    super(blocking(config), streaming(config),
        new ProviderGuard("openai:" + config.model(), config.baseUrl(), config.resilience()), config.timeout());
  }

  // LangChain4j's own retries are off: ProviderGuard retries, so attempts are counted once.
  private static OpenAiChatModel blocking(ProviderConfig config) {
    return OpenAiChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(config.baseUrl())
        .apiKey(config.apiKey())
        .modelName(config.model())
        .customHeaders(config.headers())
        .timeout(config.timeout())
        .maxRetries(0)
        .build();
  }

  private static OpenAiStreamingChatModel streaming(ProviderConfig config) {
    return OpenAiStreamingChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(config.baseUrl())
        .apiKey(config.apiKey())
        .modelName(config.model())
        .customHeaders(config.headers())
        .timeout(config.timeout())
        .build();
  }
}
