package io.augment.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events written straight to the response body ({@code event:<name>} and a one-line JSON
 * {@code data:}), each flushed at once. The whole stream is produced inside {@link #write}, on the
 * request's worker thread, so the response ends exactly once when {@code body} returns. A client
 * that goes away makes {@link #closed()} true and later events are dropped. Requests are checked
 * before an {@code SseOutput} is made, so a refused one gets the plain endpoint's status and body;
 * a failure after the start is an {@code error} event holding the same problem ({@link #fail}).
 */
final class SseOutput implements StreamingOutput {

  interface Body {
    void run(SseOutput events);
  }

  private final ObjectMapper json;
  private final Body body;
  private OutputStream out;
  private volatile boolean closed;

  SseOutput(ObjectMapper json, Body body) {
    this.json = json;
    this.body = body;
  }

  @Override
  public void write(OutputStream output) {
    this.out = output;
    body.run(this);
  }

  synchronized void send(String name, Object data) {
    if (closed) {
      return;
    }
    String payload;
    try {
      payload = json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    try {
      out.write(("event:" + name + "\ndata:" + payload + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      closed = true;
    }
  }

  /** Ends the stream's story with an {@code error} event: the problem {@link Problems} maps the failure to. */
  void fail(Throwable error) {
    if (closed) {
      return; // nobody is listening, and a client leaving is no server error to log
    }
    send("error", Problems.of(error));
  }

  boolean closed() {
    return closed;
  }
}
