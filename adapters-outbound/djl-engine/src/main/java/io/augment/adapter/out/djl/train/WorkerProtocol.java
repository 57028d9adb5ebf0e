package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.format.Json;

/** Lines a worker prints: {@code @@worker <kind> <json>}. */
public final class WorkerProtocol {
  public static final String PREFIX = "@@worker ";
  public static final String STARTED = "started";
  public static final String STEP = "step";
  public static final String CHECKPOINT = "checkpoint";
  public static final String RESULT = "result";
  public static final String ERROR = "error";

  private WorkerProtocol() {}

  static String line(String kind, Object payload) {
    return PREFIX + kind + " " + Json.line(payload);
  }

  /** A parsed line, or null when the line is not protocol. */
  public record Message(String kind, String json) {
    public static Message parse(String line) {
      if (!line.startsWith(PREFIX)) {
        return null;
      }
      String rest = line.substring(PREFIX.length());
      int space = rest.indexOf(' ');
      return space < 0 ? null : new Message(rest.substring(0, space), rest.substring(space + 1));
    }
  }
}
