package io.augment.adapter.out.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.TokenUsage;
import io.augment.domain.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Our prompt and options to a LangChain4j chat request; its response back to a {@link Generation}. */
final class ChatMapping {
  private ChatMapping() {}

  /** A system message (when there is one) and the rendered user message. */
  static ChatRequest request(String generator, Prompt prompt, GenerationOptions options) {
    if (options.adapter() != null) {
      throw new InvalidInputException("adapter", generator + " is a remote model and cannot apply the fine-tuned"
          + " adapter '" + options.adapter() + "'; adapters run on the local engine");
    }
    List<ChatMessage> messages = new ArrayList<>(2);
    if (prompt.system() != null && !prompt.system().isBlank()) {
      messages.add(SystemMessage.from(prompt.system()));
    }
    messages.add(UserMessage.from(prompt.userMessage()));
    ChatRequest.Builder request = ChatRequest.builder()
        .messages(messages)
        .maxOutputTokens(options.maxTokens())
        .temperature(options.temperature())
        .topP(options.topP());
    if (!options.stop().isEmpty()) {
      request.stopSequences(options.stop());
    }
    return request.build();
  }

  /**
   * {@code text} with the response's usage and finish reason. A server that reports no usage gets
   * the prompt's own estimate and about 4 characters per generated token.
   */
  static Generation generation(String generator, String text, ChatResponse response, Prompt prompt) {
    var reported = response.tokenUsage();
    TokenUsage usage = reported == null || reported.inputTokenCount() == null || reported.outputTokenCount() == null
        ? new TokenUsage(prompt.tokenCount(), TokenCounter.APPROXIMATE.count(text))
        : new TokenUsage(reported.inputTokenCount(), reported.outputTokenCount());
    return new Generation(text, generator, false, usage, finishReason(response.finishReason()));
  }

  static String text(ChatResponse response) {
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    return text == null ? "" : text;
  }

  private static String finishReason(FinishReason reason) {
    return reason == FinishReason.LENGTH ? "length" : "stop";
  }
}
