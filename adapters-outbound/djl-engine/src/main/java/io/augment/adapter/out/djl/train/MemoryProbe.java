package io.augment.adapter.out.djl.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples this process's memory every 10 ms while a run lasts: peak heap in use, and the peak of
 * the resident set minus the heap in use (PyTorch's tensors, the native libraries, JVM overhead).
 * The kernel's high-water mark of the resident set is read at the end.
 */
final class MemoryProbe implements AutoCloseable {
  private static final Path STATM = Path.of("/proc/self/statm");
  private static final long PAGE_SIZE = 4096;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peakHeapUsed;
  private volatile long peakBeyondHeap;

  MemoryProbe() {
    sample();
    sampler = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "memory-probe");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    peakHeapUsed = Math.max(peakHeapUsed, used);
    peakBeyondHeap = Math.max(peakBeyondHeap, residentBytes() - used);
  }

  long peakHeapBytes() {
    sample();
    return peakHeapUsed;
  }

  long peakNativeBytes() {
    sample();
    return Math.max(0, peakBeyondHeap);
  }

  /** Resident set now, from /proc/self/statm (pages); 0 where the system has none. */
  private static long residentBytes() {
    try {
      String[] fields = Files.readString(STATM).trim().split(" ");
      return Long.parseLong(fields[1]) * PAGE_SIZE;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** VmHWM of /proc/self/status, 0 where the system has none. */
  static long peakResidentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
