package io.augment.adapter.out.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;
import java.time.Duration;

/** The {@code Generator} behaviour shared by every LangChain4j chat provider, behind one guard. */
abstract class GuardedChat implements Generator {
  private final ChatModel chat;
  private final StreamingChatModel streaming;
  private final ProviderGuard guard;
  private final Duration idleTimeout;

  GuardedChat(ChatModel chat, StreamingChatModel streaming, ProviderGuard guard, Duration idleTimeout) {
    this.chat = chat;
    this.streaming = streaming;
    this.guard = guard;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public String id() {
    return guard.backend();
  }

  @Override
  public Generation generate(Prompt prompt, GenerationOptions options) {
    ChatRequest request = ChatMapping.request(id(), prompt, options);
    ChatResponse response = guard.call("chat", () -> chat.chat(request), ChatResponse.class);
    return ChatMapping.generation(id(), ChatMapping.text(response), response, prompt);
  }

  /**
   * Retries only until the first piece arrives; after that a failure ends the stream with
   * {@link TokenSink#error}, since the sink already holds part of the answer.
   */
  @Override
  public void stream(Prompt prompt, GenerationOptions options, TokenSink sink) {
    Generation generation;
    try {
      ChatRequest request = ChatMapping.request(id(), prompt, options);
      ChatStream stream = guard.call("streaming chat", () -> ChatStream.open(streaming, request), ChatStream.class);
      ChatStream.Completed completed = forward(stream, sink);
      generation = ChatMapping.generation(id(), completed.text(), completed.response(), prompt);
    } catch (RuntimeException e) {
      sink.error(e);
      return;
    }
    sink.complete(generation);
  }

  private ChatStream.Completed forward(ChatStream stream, TokenSink sink) {
    try {
      return stream.forwardTo(sink, idleTimeout);
    } catch (ChatStream.Broken e) {
      throw guard.failed("streaming chat", e.getCause(), "stream " + e.getMessage() + ", not retried");
    }
  }
}
