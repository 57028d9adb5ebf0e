package io.augment.adapter.out.djl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A failed worker told in words a caller can use: how it ended (exit status or signal) and the last
 * lines it wrote, with no absolute server paths (paths under the engine folder become relative,
 * any other absolute path keeps only its file name).
 */
final class WorkerFailure {
  static final int TAIL_LINES = 5;
  private static final int MAX_LINE = 300;
  private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT", 9, "SIGKILL",
      11, "SIGSEGV", 15, "SIGTERM");
  private static final Pattern ABSOLUTE = Pattern.compile("(?<![\\w.~:/])/(?:[\\w.@+-]+/)+([\\w.@+-]+)");

  private WorkerFailure() {}

  /** "the training worker was killed by signal 9 (SIGKILL); its last output: ..." */
  static String describe(int exit, List<String> lastLines, Path root) {
    String how = exit > 128 && exit < 160
        ? "was killed by signal " + (exit - 128) + signalName(exit - 128)
        : "exited with status " + exit;
    String text = "the training worker " + how + (lastLines.isEmpty() ? "; it wrote nothing"
        : "; its last output: " + String.join(" | ", lastLines));
    return redact(text, root);
  }

  /** {@code text} without absolute paths. */
  static String redact(String text, Path root) {
    if (text == null) {
      return null;
    }
    String relative = text.replace(root.toString() + "/", "").replace(root.toString(), "engine folder");
    return ABSOLUTE.matcher(relative).replaceAll("$1");
  }

  /** The last {@code count} non-blank lines of {@code file}, each cut to a readable length. */
  static List<String> tail(Path file, int count) {
    Deque<String> lines = new ArrayDeque<>();
    try {
      if (Files.isRegularFile(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          keep(lines, line, count);
        }
      }
    } catch (IOException e) {
      keep(lines, "(its log cannot be read)", count);
    }
    return List.copyOf(lines);
  }

  /** Adds {@code line} to a window of the last {@code count} non-blank lines. */
  static void keep(Deque<String> window, String line, int count) {
    String stripped = line.strip();
    if (stripped.isEmpty() || stripped.startsWith("SLF4J")) { // logging set-up chatter, never the cause
      return;
    }
    window.addLast(stripped.length() > MAX_LINE ? stripped.substring(0, MAX_LINE) + "..." : stripped);
    while (window.size() > count) {
      window.removeFirst();
    }
  }

  private static String signalName(int signal) {
    String name = SIGNALS.get(signal);
    return name == null ? "" : " (" + name + ")";
  }
}
