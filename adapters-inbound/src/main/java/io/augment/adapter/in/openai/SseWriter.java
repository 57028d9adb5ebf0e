package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.adapter.in.openai.CompletionEvents.Event;
import io.augment.adapter.in.openai.CompletionEvents.Failed;
import io.augment.adapter.in.openai.CompletionEvents.Finished;
import io.augment.adapter.in.openai.CompletionEvents.Piece;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a streamed completion as OpenAI does: {@code data: <chunk>} events (the role, content
 * pieces, the finish with citations, the usage when asked), then {@code data: [DONE]}. A failure
 * after the start is sent as {@code data: {"error": ...}}, as {@link OpenAiException#from} maps it, and
 * ends the stream; a failure before the first piece is answered as a plain error response instead.
 */
final class SseWriter implements StreamingOutput {
  private final ObjectMapper json;
  private final ChunkStream chunks;
  private final CompletionEvents events;
  private final boolean includeUsage;

  SseWriter(ObjectMapper json, ChunkStream chunks, CompletionEvents events, boolean includeUsage) {
    this.json = json;
    this.chunks = chunks;
    this.events = events;
    this.includeUsage = includeUsage;
  }

  @Override
  public void write(OutputStream out) throws IOException {
    send(out, json.writeValueAsString(chunks.role()));
    while (true) {
      Event event = events.next();
      if (event instanceof Piece piece) {
        send(out, json.writeValueAsString(chunks.content(piece.text())));
      } else if (event instanceof Finished finished) {
        send(out, json.writeValueAsString(chunks.finish(finished.completion())));
        if (includeUsage) {
          send(out, json.writeValueAsString(chunks.usage(finished.completion())));
        }
        send(out, "[DONE]");
        return;
      } else if (event instanceof Failed failed) {
        send(out, json.writeValueAsString(OpenAiException.from(failed.error()).body()));
        return;
      }
    }
  }

  private static void send(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
