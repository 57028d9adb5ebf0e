package io.augment.adapter.in.openai;

import io.augment.adapter.in.openai.ChatJson.CitationJson;
import io.augment.adapter.in.openai.ChatJson.Chunk;
import io.augment.adapter.in.openai.ChatJson.ChunkChoice;
import io.augment.adapter.in.openai.ChatJson.Delta;
import io.augment.adapter.in.openai.ChatJson.Usage;
import java.util.List;

/** The {@code chat.completion.chunk}s of one streamed completion, all sharing its id and time. */
record ChunkStream(String id, long created, String model) {
  private static final String OBJECT = "chat.completion.chunk";

  Chunk role() {
    return choice(new Delta("assistant", ""), null, null);
  }

  Chunk content(String piece) {
    return choice(new Delta(null, piece), null, null);
  }

  Chunk finish(Completion completion) {
    return choice(new Delta(null, null), completion.finishReason(), CitationJson.of(completion.citations()));
  }

  /** Sent after the last choice when {@code stream_options.include_usage} asks for it. */
  Chunk usage(Completion completion) {
    return new Chunk(id, OBJECT, created, model, List.of(), Usage.of(completion.usage()), null);
  }

  private Chunk choice(Delta delta, String finishReason, List<CitationJson> citations) {
    return new Chunk(id, OBJECT, created, model, List.of(new ChunkChoice(0, delta, null, finishReason)), null, citations);
  }
}
