package io.augment.bootstrap.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every case's outcome, written to {@code target/hostile-report.md}: the cases that failed, with what they got. */
final class BatteryReport {
  private final List<String> failures = new ArrayList<>();
  private final List<String> slow = new ArrayList<>();
  private int passed;

  /** Cases over a second are listed: the battery should stay quick. */
  synchronized void took(String name, long millis) {
    if (millis > 1000) {
      slow.add("- " + name + ": " + millis + " ms");
    }
  }

  synchronized void passed() {
    passed++;
  }

  synchronized void failed(String name, Throwable why) {
    String message = String.valueOf(why.getMessage()).replace('\n', ' ').replaceAll("\\s+", " ");
    failures.add("- " + name + " -- " + (message.length() > 400 ? message.substring(0, 400) + "..." : message));
  }

  synchronized void write(Path file) {
    List<String> lines = new ArrayList<>();
    lines.add("# Hostile-input battery");
    lines.add("");
    lines.add((passed + failures.size()) + " cases: " + passed + " passed, " + failures.size() + " failed.");
    lines.add("");
    lines.addAll(failures);
    if (!slow.isEmpty()) {
      lines.add("");
      lines.add("Slow cases:");
      lines.addAll(slow);
    }
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
