package io.augment.adapter.out.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Sorts a model server's failures into retriable or not and says what happened in a few words. */
final class Failures {
  private static final int MAX_BODY = 300;

  private Failures() {}

  /** 5xx, 408 and 429 answers, timeouts and I/O failures (no connection, broken stream). */
  static boolean retriable(Throwable failure) {
    Optional<Integer> status = httpStatus(failure);
    if (status.isPresent()) {
      int code = status.get();
      return code >= 500 || code == 408 || code == 429;
    }
    return find(failure, TimeoutException.class) != null
        || find(failure, RetriableException.class) != null
        || find(failure, IOException.class) != null;
  }

  static Optional<Integer> httpStatus(Throwable failure) {
    HttpException http = find(failure, HttpException.class);
    return http == null ? Optional.empty() : Optional.of(http.statusCode());
  }

  static String describe(Throwable failure, Duration timeout) {
    HttpException http = find(failure, HttpException.class);
    if (http != null) {
      return "HTTP " + http.statusCode() + ": " + abbreviated(http.getMessage());
    }
    if (find(failure, TimeoutException.class) != null
        || find(failure, dev.langchain4j.exception.TimeoutException.class) != null
        || find(failure, HttpTimeoutException.class) != null) {
      return "no answer within " + readable(timeout);
    }
    ConnectException refused = find(failure, ConnectException.class);
    if (refused != null) {
      return "could not connect" + (refused.getMessage() == null ? "" : " (" + refused.getMessage() + ")");
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + abbreviated(root.getMessage());
  }

  /** {@code 800 ms}, {@code 30 s}, {@code 1.5 s}. */
  static String readable(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
  }

  private static String abbreviated(String text) {
    if (text == null) {
      return "(no message)";
    }
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_BODY ? oneLine : oneLine.substring(0, MAX_BODY) + "...";
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
