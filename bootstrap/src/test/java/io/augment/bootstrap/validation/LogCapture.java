package io.augment.bootstrap.validation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what the server logs at INFO or above while it is open (the tests share the server's JVM). */
final class LogCapture extends Handler implements AutoCloseable {
  final List<LogRecord> records = new CopyOnWriteArrayList<>();

  LogCapture() {
    setLevel(Level.INFO);
    Logger.getLogger("").addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.INFO.intValue()) {
      records.add(record);
    }
  }

  /** Every record's message and its stack trace's lines, as a console would print them. */
  long lines() {
    return records.stream().mapToLong(r -> 1 + stackLines(r.getThrown())).sum();
  }

  boolean mentions(String text) {
    return records.stream().anyMatch(r -> String.valueOf(r.getMessage()).contains(text)
        || r.getParameters() != null && java.util.Arrays.stream(r.getParameters()).anyMatch(p -> String.valueOf(p).contains(text)));
  }

  private static long stackLines(Throwable t) {
    long n = 0;
    for (; t != null; t = t.getCause()) {
      n += 1 + t.getStackTrace().length;
    }
    return n;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
