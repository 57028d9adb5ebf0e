package io.augment.adapter.in.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.augment.application.query.Citation;
import io.augment.domain.generation.TokenUsage;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * OpenAI's chat completion shapes. {@code citations} is Augment's extension, present only for
 * {@code rag:<kb>} models: on the completion, and on the stream's last content chunk. Chunks are
 * serialised by hand (not by JAX-RS), hence the reflection registration for native images.
 */
@RegisterForReflection(targets = {ChatJson.ChatCompletion.class, ChatJson.Choice.class, ChatJson.Message.class,
    ChatJson.Chunk.class, ChatJson.ChunkChoice.class, ChatJson.Delta.class, ChatJson.Usage.class,
    ChatJson.CitationJson.class})
final class ChatJson {
  private ChatJson() {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChatCompletion(
      String id, String object, long created, String model, List<Choice> choices, Usage usage,
      List<CitationJson> citations) {
    static ChatCompletion of(String id, long created, String model, Completion c) {
      Choice choice = new Choice(0, new Message("assistant", c.text()), null, c.finishReason());
      return new ChatCompletion(id, "chat.completion", created, model, List.of(choice), Usage.of(c.usage()),
          CitationJson.of(c.citations()));
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Choice(int index, Message message, Object logprobs, String finishReason) {}

  record Message(String role, String content) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Chunk(
      String id, String object, long created, String model, List<ChunkChoice> choices, Usage usage,
      List<CitationJson> citations) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ChunkChoice(int index, Delta delta, Object logprobs, String finishReason) {}

  /** The change a chunk brings: the role first, then content pieces; empty on the last chunk. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Delta(String role, String content) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Usage(int promptTokens, int completionTokens, int totalTokens) {
    static Usage of(TokenUsage usage) {
      return new Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
    }
  }

  /** A source of a RAG answer; {@code number} is its {@code [n]} marker in the text. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CitationJson(int number, String documentId, String chunkId, String title, double score, String text, boolean cited) {
    static List<CitationJson> of(List<Citation> citations) {
      return citations == null ? null : citations.stream()
          .map(c -> new CitationJson(c.number(), c.documentId(), c.chunkId(), c.title(), c.score(), c.text(), c.cited()))
          .toList();
    }
  }
}
