package io.augment.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the benchmark ran on, as far as Linux tells; "unknown" elsewhere. */
final class Machine {
  private Machine() {}

  static String cpu() {
    String model = field(Path.of("/proc/cpuinfo"), "model name");
    String memory = field(Path.of("/proc/meminfo"), "MemTotal");
    String gib = memory.endsWith(" kB")
        ? String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(memory.replace(" kB", "").strip()) / 1048576.0)
        : memory;
    return model + ", " + gib + " RAM";
  }

  /** The 1, 5 and 15 minute load averages, e.g. "3.53 4.37 3.98". */
  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String field(Path file, String name) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(name)) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable
    }
    return "unknown";
  }
}
