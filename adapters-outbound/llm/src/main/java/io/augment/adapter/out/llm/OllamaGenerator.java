package io.augment.adapter.out.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;

/**
 * A model served by Ollama through its native API ({@code /api/chat}); {@code baseUrl} is the server
 * root, e.g. {@code http://localhost:11434}, and the API key is ignored. Id: {@code ollama:<model>}.
 */
public final class OllamaGenerator extends GuardedChat {

  public OllamaGenerator(ProviderConfig config) {
    super(blocking(config), streaming(config),
        new ProviderGuard("ollama:" + config.model(), config.baseUrl(), config.resilience()), config.timeout());
  }

  private static OllamaChatModel blocking(ProviderConfig config) {
    return OllamaChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(config.baseUrl())
        .modelName(config.model())
        .timeout(config.timeout())
        .maxRetries(0)
        .build();
  }

  private static OllamaStreamingChatModel streaming(ProviderConfig config) {
    return OllamaStreamingChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(config.baseUrl())
        .modelName(config.model())
        .timeout(config.timeout())
        .build();
  }
}
