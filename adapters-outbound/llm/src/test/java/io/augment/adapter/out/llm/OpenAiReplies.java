package io.augment.adapter.out.llm;

import static io.augment.adapter.out.llm.ModelServerStub.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment.adapter.out.llm.ModelServerStub.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI-shaped answers, following the documented and observed shapes of {@code /v1/chat/completions}
 * (a JSON object, or with {@code "stream": true} server-sent events of {@code chat.completion.chunk}
 * objects, a last usage-only chunk and {@code data: [DONE]}) and {@code /v1/embeddings}.
 */
final class OpenAiReplies {
  static final String CHAT = "/v1/chat/completions";
  static final String EMBEDDINGS = "/v1/embeddings";
  static final List<String> PIECES = List.of("The", " bridge", " opened", " in", " 1932", " [1].");
  static final String TEXT = String.join("", PIECES);
  static final int PROMPT_TOKENS = 42;

  private OpenAiReplies() {}

  /** {@link #PIECES}, as one message or streamed, whichever the request asks for. */
  static Reply chat() {
    return chat(PIECES, "stop");
  }

  static Reply chat(List<String> pieces, String finishReason) {
    return (exchange, request) -> {
      if (request.path("stream").asBoolean(false)) {
        ModelServerStub.writeLines(exchange, "text/event-stream", events(pieces, finishReason, -1), Duration.ZERO);
      } else {
        ModelServerStub.write(exchange, 200, "application/json", completion(String.join("", pieces), finishReason));
      }
    };
  }

  /** Streams the first {@code sent} pieces, then goes quiet for {@code pause} before the rest. */
  static Reply stallingStream(int sent, Duration pause) {
    return (exchange, request) ->
        ModelServerStub.writeLines(exchange, "text/event-stream", events(PIECES, "stop", sent), pause);
  }

  /** One vector per input, of {@code dimension} floats derived from the text, not of unit length. */
  static Reply embeddings(int dimension) {
    return (exchange, request) -> {
      ObjectNode body = JSON.createObjectNode().put("object", "list").put("model", request.path("model").asText());
      ArrayNode data = body.putArray("data");
      int index = 0;
      for (JsonNode input : request.path("input")) {
        ArrayNode vector = data.addObject().put("object", "embedding").put("index", index++).putArray("embedding");
        for (float x : vectorOf(input.asText(), dimension)) {
          vector.add(x);
        }
      }
      body.putObject("usage").put("prompt_tokens", index * 3).put("total_tokens", index * 3);
      ModelServerStub.write(exchange, 200, "application/json", body.toString());
    };
  }

  static float[] vectorOf(String text, int dimension) {
    float[] vector = new float[dimension];
    for (int i = 0; i < text.length(); i++) {
      vector[(text.charAt(i) * 31 + i) % dimension] += 3;
    }
    return vector;
  }

  private static String completion(String text, String finishReason) {
    ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
        .put("created", 1_700_000_000).put("model", "stub-model");
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", text);
    choice.put("finish_reason", finishReason);
    usage(body, text);
    return body.toString();
  }

  /** The SSE lines; with {@code stallAfter} >= 0, a pause (null) after that many pieces. */
  private static List<String> events(List<String> pieces, String finishReason, int stallAfter) {
    List<String> lines = new ArrayList<>();
    lines.add(chunk(delta -> delta.put("role", "assistant").put("content", ""), null));
    for (int i = 0; i < pieces.size(); i++) {
      if (i == stallAfter) {
        lines.add(null);
      }
      String piece = pieces.get(i);
      lines.add(chunk(delta -> delta.put("content", piece), null));
    }
    lines.add(chunk(delta -> {}, finishReason));
    ObjectNode last = chunkObject();
    last.putArray("choices");
    usage(last, String.join("", pieces));
    lines.add("data: " + last + "\n\n");
    lines.add("data: [DONE]\n\n");
    return lines;
  }

  private static String chunk(java.util.function.Consumer<ObjectNode> delta, String finishReason) {
    ObjectNode chunk = chunkObject();
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    delta.accept(choice.putObject("delta"));
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return "data: " + chunk + "\n\n";
  }

  private static ObjectNode chunkObject() {
    return JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
        .put("created", 1_700_000_000).put("model", "stub-model");
  }

  private static void usage(ObjectNode body, String text) {
    int completion = text.split(" ").length;
    body.putObject("usage").put("prompt_tokens", PROMPT_TOKENS).put("completion_tokens", completion)
        .put("total_tokens", PROMPT_TOKENS + completion);
  }
}
