package io.augment.adapter.out.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.augment.domain.generation.TokenSink;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One streamed chat response, handed from LangChain4j's HTTP threads to the caller's thread through a
 * queue, so the sink is only ever called from the caller's thread. {@link #open} waits for the first
 * event, which is the part worth retrying: nothing has reached the sink yet.
 */
final class ChatStream implements StreamingChatResponseHandler {

  /** The collected text and LangChain4j's final response (usage, finish reason). */
  record Completed(String text, ChatResponse response) {}

  /** The stream failed after some of it reached the sink; not retriable. */
  static final class Broken extends Exception {
    Broken(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private record Failure(Throwable error) {}

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private volatile boolean abandoned;
  private volatile StreamingHandle handle;
  private Object first;

  private ChatStream() {}

  /** Starts the stream and waits (interruptibly) for its first piece, its end or its failure. */
  static ChatStream open(StreamingChatModel model, ChatRequest request) throws Exception {
    ChatStream stream = new ChatStream();
    try {
      model.chat(request, stream);
      stream.first = stream.events.take();
    } catch (InterruptedException | RuntimeException e) {
      stream.abandon();
      throw e;
    }
    if (stream.first instanceof Failure failure) {
      throw failure.error() instanceof Exception e ? e : new RuntimeException(failure.error());
    }
    return stream;
  }

  /**
   * Hands every piece to {@code sink} until the response completes; gives up when nothing arrives
   * for {@code idleTimeout}.
   */
  Completed forwardTo(TokenSink sink, Duration idleTimeout) throws Broken {
    StringBuilder text = new StringBuilder();
    Object event = first;
    try {
      while (true) {
        if (event instanceof String piece) {
          text.append(piece);
          sink.token(piece);
        } else if (event instanceof ChatResponse response) {
          return new Completed(text.toString(), response);
        } else if (event instanceof Failure failure) {
          throw new Broken("broke after " + text.length() + " characters", failure.error());
        }
        event = events.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
          throw new Broken("stalled after " + text.length() + " characters",
              new TimeoutException("nothing received for " + Failures.readable(idleTimeout)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Broken("interrupted after " + text.length() + " characters", e);
    } finally {
      if (!(event instanceof ChatResponse)) {
        abandon();
      }
    }
  }

  @Override
  public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
    handle = context.streamingHandle();
    if (abandoned) {
      handle.cancel();
    } else if (partial.text() != null && !partial.text().isEmpty()) {
      events.add(partial.text());
    }
  }

  @Override
  public void onCompleteResponse(ChatResponse response) {
    events.add(response);
  }

  @Override
  public void onError(Throwable error) {
    events.add(new Failure(error));
  }

  private void abandon() {
    abandoned = true;
    StreamingHandle current = handle;
    if (current != null) {
      current.cancel();
    }
  }
}
