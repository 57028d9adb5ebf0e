package io.augment.adapter.out.llm;

import static io.augment.adapter.out.llm.ModelServerStub.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment.adapter.out.llm.ModelServerStub.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama-shaped answers to {@code /api/chat}, as its API documentation shows them: one JSON object,
 * or with {@code "stream": true} newline-delimited objects, the last with {@code "done": true} and
 * the token counts.
 */
final class OllamaReplies {
  static final String CHAT = "/api/chat";
  static final int PROMPT_EVAL_COUNT = 26;

  private OllamaReplies() {}

  static Reply chat() {
    return (exchange, request) -> {
      if (request.path("stream").asBoolean(true)) {
        List<String> lines = new ArrayList<>();
        for (String piece : OpenAiReplies.PIECES) {
          lines.add(message(piece, false) + "\n");
        }
        lines.add(message("", true) + "\n");
        ModelServerStub.writeLines(exchange, "application/x-ndjson", lines, Duration.ZERO);
      } else {
        ModelServerStub.write(exchange, 200, "application/json", message(OpenAiReplies.TEXT, true).toString());
      }
    };
  }

  private static ObjectNode message(String content, boolean done) {
    ObjectNode line = JSON.createObjectNode().put("model", "llama3.2").put("created_at", "2025-01-01T00:00:00.000Z");
    line.putObject("message").put("role", "assistant").put("content", content);
    line.put("done", done);
    if (done) {
      line.put("done_reason", "stop").put("total_duration", 5_000_000L)
          .put("prompt_eval_count", PROMPT_EVAL_COUNT).put("eval_count", OpenAiReplies.PIECES.size());
    }
    return line;
  }
}
