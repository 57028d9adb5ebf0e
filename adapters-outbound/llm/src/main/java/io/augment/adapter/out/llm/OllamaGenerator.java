package io.augment.adapter.out.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;

/**
 * A model served by Ollama through its native API ({@code /api/chat}); {@code baseUrl} is the server
 * root, e.g. {@code http://localhost:11434}, and the API key is ignored. Id: {@code ollama:<model>}.
 */
public final class OllamaGenerator implements Generator {
  private final GuardedChat chat;

  public OllamaGenerator(ProviderConfig config) {
    OllamaChatModel blocking = OllamaChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(config.baseUrl())
        .modelName(config.model())
        .timeout(config.timeout())
        .maxRetries(0)
        .build();
    OllamaStreamingChatModel streaming = OllamaStreamingChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(config.baseUrl())
        .modelName(config.model())
        .timeout(config.timeout())
        .build();
    ProviderGuard guard = new ProviderGuard("ollama:" + config.model(), config.baseUrl(), config.resilience());
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
