package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.adapter.in.openai.CompletionEvents.Event;
import io.augment.adapter.in.openai.CompletionEvents.Failed;
import io.augment.adapter.in.openai.CompletionEvents.Finished;
import io.augment.adapter.in.openai.CompletionEvents.Piece;
import io.augment.domain.model.AugmentException;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Writes a streamed completion as OpenAI does: {@code data: <chunk>} events (the role, content
 * pieces, the finish with citations, the usage when asked), then {@code data: [DONE]}. A failure
 * after the start is sent as {@code data: {"error": ...}} and ends the stream.
 */
final class SseWriter implements StreamingOutput {
  private static final Logger LOG = Logger.getLogger(SseWriter.class);

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
        OpenAiException error = failed.error() instanceof AugmentException e ? OpenAiException.from(e)
            : new OpenAiException(500, "generation failed: " + failed.error().getMessage(), null, null);
        LOG.warnf(failed.error(), "streamed completion %s failed", chunks.id());
        send(out, json.writeValueAsString(error.body()));
        return;
      }
    }
  }

  private static void send(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
