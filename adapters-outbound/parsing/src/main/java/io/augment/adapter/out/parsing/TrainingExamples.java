package io.augment.adapter.out.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** One JSONL line's object as a {@link TrainingExample}; errors name the key path within the line. */
final class TrainingExamples {
  private TrainingExamples() {}

  static TrainingExample of(JsonNode line) {
    boolean chat = line.has("messages");
    boolean pair = line.has("prompt") || line.has("completion");
    boolean text = line.has("text");
    if ((chat ? 1 : 0) + (pair ? 1 : 0) + (text ? 1 : 0) > 1) {
      throw new InvalidInputException(null,
          "holds more than one example form; use one of messages, prompt and completion, or text");
    }
    if (chat) {
      return chat(line.get("messages"));
    }
    if (pair) {
      return new TrainingExample.PromptCompletion(string(line.get("prompt")), string(line.get("completion")));
    }
    if (text) {
      return new TrainingExample.Text(string(line.get("text")));
    }
    throw new InvalidInputException(null, "needs messages, prompt and completion, or text");
  }

  private static TrainingExample chat(JsonNode messages) {
    if (!messages.isArray()) {
      throw new InvalidInputException("messages", "must be an array, got " + JsonlTrainingDataParser.kind(messages));
    }
    List<TrainingExample.Message> parsed = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      String at = "messages[" + i + "]";
      if (!message.isObject()) {
        throw new InvalidInputException(at, "must be an object, got " + JsonlTrainingDataParser.kind(message));
      }
      String content = content(at + ".content", message.get("content"));
      try {
        parsed.add(new TrainingExample.Message(string(message.get("role")), content));
      } catch (InvalidInputException e) {
        throw e.withField(at + "." + e.field());
      }
    }
    return new TrainingExample.Chat(parsed);
  }

  /** A string, or text parts joined with a newline. */
  private static String content(String at, JsonNode content) {
    if (content == null || content.isNull()) {
      throw new InvalidInputException(at, "must be a text");
    }
    if (content.isTextual()) {
      return content.textValue();
    }
    if (!content.isArray()) {
      throw new InvalidInputException(at, "must be a text or an array of text parts, got "
          + JsonlTrainingDataParser.kind(content));
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < content.size(); i++) {
      JsonNode part = content.get(i);
      if (!part.isObject() || !"text".equals(part.path("type").textValue()) || !part.path("text").isTextual()) {
        throw new InvalidInputException(at + "[" + i + "]", "must be {\"type\": \"text\", \"text\": ...}; "
            + "only text can be trained on");
      }
      texts.add(part.get("text").textValue());
    }
    return String.join("\n", texts);
  }

  /** The node's text, or null when it is absent or not a string (the example's constructor refuses it). */
  private static String string(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }
}
