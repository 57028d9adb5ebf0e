package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.adapter.in.openai.ChatRequest.Message;
import io.augment.application.augmentation.NumberedCitationAugmenter;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code messages} of a chat request, validated: system (and developer) instructions, the turns
 * in order, and the last user message, which is the question.
 */
record Conversation(String system, List<Turn> turns, String question) {
  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

  record Turn(String role, String text) {}

  static Conversation of(List<Message> messages) {
    if (messages == null || messages.isEmpty()) {
      throw OpenAiException.invalid("messages", "'messages' must be a non-empty array");
    }
    List<String> system = new ArrayList<>();
    List<Turn> turns = new ArrayList<>();
    String question = null;
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (m == null) {
        throw OpenAiException.invalid("messages[" + i + "]", "'messages[" + i + "]' must be an object with 'role' and 'content'");
      }
      String role = m.role() == null ? null : m.role().toLowerCase(Locale.ROOT);
      if (role == null || !ROLES.contains(role)) { // Set.of(..).contains(null) throws
        throw OpenAiException.invalid("messages[" + i + "].role", "'messages[" + i + "].role' must be one of " + ROLES);
      }
      String text = text(m.content(), i);
      if (role.equals("system") || role.equals("developer")) {
        system.add(text);
      } else {
        turns.add(new Turn(role, text));
        question = role.equals("user") ? text : question;
      }
    }
    if (question == null || question.isBlank()) {
      throw OpenAiException.invalid("messages", "'messages' must contain a user message with text");
    }
    return new Conversation(String.join("\n\n", system), List.copyOf(turns), question);
  }

  /**
   * A prompt for the base model without retrieval: a single user turn is sent as is; a longer
   * conversation is rendered as a transcript, since the generator takes one user message. A single
   * message in the form Augment renders sources in gets those sources back as the prompt's context,
   * so one Augment instance can be another's OpenAI-compatible generator.
   */
  Prompt prompt() {
    if (turns.size() == 1) {
      var sources = NumberedCitationAugmenter.parse(system, question, TokenCounter.APPROXIMATE);
      if (sources.isPresent()) {
        return sources.get();
      }
    }
    String user = turns.size() == 1 ? question : transcript();
    int tokens = TokenCounter.APPROXIMATE.count(system) + TokenCounter.APPROXIMATE.count(user);
    return new Prompt(system, question, List.of(), user, tokens, 0);
  }

  private String transcript() {
    return io.augment.domain.adaptation.TrainingExample.Chat.transcript(turns.stream().map(Turn::role).toList(),
        turns.stream().map(Turn::text).toList());
  }

  private static String text(JsonNode content, int index) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
          throw OpenAiException.invalid("messages[" + index + "].content",
              "only text content parts are supported, not '" + part.path("type").asText() + "'");
        }
        text.append(text.isEmpty() ? "" : "\n").append(part.get("text").asText());
      }
      return text.toString();
    }
    throw OpenAiException.invalid("messages[" + index + "].content", "content must be a string or an array of parts");
  }
}
