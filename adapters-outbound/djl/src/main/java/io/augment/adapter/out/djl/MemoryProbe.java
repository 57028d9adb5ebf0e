package io.augment.adapter.out.djl;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak heap (JVM memory pools) and peak resident set (Linux {@code VmHWM}). Both peaks are
 * process-wide; {@link #reset} restarts them where the OS allows ({@code /proc/self/clear_refs}).
 */
final class MemoryProbe {
  private MemoryProbe() {}

  static void reset() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException ignored) {
      // not Linux or not permitted: the peak stays process-wide
    }
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** Peak resident set minus peak heap: native tensors, libtorch and JVM internals. */
  static long peakNative() {
    return Math.max(0, status("VmHWM:") - peakHeap());
  }

  static long status(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    return 0;
  }
}
